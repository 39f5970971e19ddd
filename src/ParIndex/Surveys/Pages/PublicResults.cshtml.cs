using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ParIndex.Accounts;
using ParIndex.Core.Frameworks;
using ParIndex.Core.Surveys;
using static ParIndex.Web.Text;

namespace ParIndex.Surveys.Pages;

/// <summary>Published survey results: the list of campaigns, or one campaign's results per unit with a chart and exports.</summary>
[AllowAnonymous]
public sealed class PublicResultsModel(CampaignService campaigns, SurveyResultsService results) : PageModel
{
    public IReadOnlyList<CampaignDto> Campaigns { get; private set; } = [];
    public CampaignResults? Results { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? code, CancellationToken cancellationToken)
    {
        var admin = User.IsInRole(Roles.Administrator);
        if (code is null)
        {
            Campaigns = await campaigns.ListAsync(publishedOnly: !admin, cancellationToken);
            return Page();
        }
        Results = await results.CampaignAsync(code, admin, cancellationToken);
        if (Results is null)
            return NotFound();
        return Page();
    }

    /// <summary>The metrics shown as columns: the overall figure first, then elements or fields.</summary>
    public IReadOnlyList<(string Metric, string Label)> Columns()
    {
        var names = Results!.Results.Units.SelectMany(u => u.Metrics.Where(m => m.Group is null).Select(m => m.Metric)).Distinct().ToList();
        string Label(string metric) => metric switch
        {
            MetricNames.SipasOverall => T("Chỉ số SIPAS", "SIPAS index"),
            MetricNames.SociologicalOverall => T("Kết quả chung", "Overall"),
            MetricNames.CounterSatisfiedShare => T("Tỷ lệ hài lòng", "Satisfied share"),
            _ when metric.StartsWith("sipas.", StringComparison.Ordinal) => SipasElements.Name(metric["sipas.".Length..], Web.UiLanguage.Current),
            _ when metric.StartsWith("sociological.field", StringComparison.Ordinal) => T($"Lĩnh vực {metric[^1]}", $"Field {metric[^1]}"),
            _ => metric,
        };
        var overall = names.Where(n => n.EndsWith(".overall", StringComparison.Ordinal) || n == MetricNames.CounterSatisfiedShare);
        return overall.Concat(names.Except(overall)).Select(n => (n, Label(n))).ToList();
    }

    public string OverallMetric => Columns().FirstOrDefault().Metric ?? MetricNames.SipasOverall;
}
