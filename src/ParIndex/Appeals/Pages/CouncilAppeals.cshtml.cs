using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ParIndex.Accounts;
using ParIndex.Campaign;
using ParIndex.Core.Frameworks;
using ParIndex.AppraisalCouncil;
using ParIndex.AppraisalCouncil.Pages;
using ParIndex.Publication;
using ParIndex.Results;
using ParIndex.Units.Pages;
using static ParIndex.Web.Text;

namespace ParIndex.Appeals.Pages;

/// <summary>The council's appeals of a year: each pending appeal with the form to reject it or uphold it (corrected input, reason, the decision approving the corrected results).</summary>
[Authorize(Policy = CouncilPolicies.Council)]
public sealed class CouncilAppealsModel(AppealService appeals, UserScope scopes, ScoreEntryService scores, IPhaseGate gate, PublicationService publication) : PageModel
{
    [BindProperty] public int AppealId { get; set; }
    [BindProperty] public string? Outcome { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? Points { get; set; }
    [BindProperty] public string? Level { get; set; }
    [BindProperty] public string? Numerator { get; set; }
    [BindProperty] public string? Denominator { get; set; }
    [BindProperty] public string? Value { get; set; }
    [BindProperty] public bool NotApplicable { get; set; }
    [BindProperty] public string? DecisionNumber { get; set; }
    [BindProperty] public string? DecisionDate { get; set; }
    [TempData] public string? Message { get; set; }

    public int Year { get; private set; }
    public IReadOnlyList<AppealView> Appeals { get; private set; } = [];
    public IReadOnlyDictionary<int, FrameworkNode> Nodes { get; private set; } = new Dictionary<int, FrameworkNode>();
    public string? PhaseRefusal { get; private set; }
    public FormErrors Errors { get; } = new();

    public async Task OnGetAsync(int year, CancellationToken cancellationToken) => await LoadAsync(year, cancellationToken);

    public async Task<IActionResult> OnPostAsync(int year, CancellationToken cancellationToken)
    {
        await LoadAsync(year, cancellationToken);
        var appeal = Appeals.FirstOrDefault(a => a.Id == AppealId);
        if (appeal is null)
            return NotFound();
        var upheld = Outcome == "upheld";
        if (Outcome is not ("upheld" or "rejected"))
            Errors.Add("outcome", T("Hãy chọn chấp nhận hoặc không chấp nhận.", "Choose to uphold or reject."));
        Core.Scoring.LeafInput? input = null;
        if (upheld && Nodes.TryGetValue(appeal.Id, out var node))
            input = CouncilPageText.ParseInput(node, Points, Level, Numerator, Denominator, Value, NotApplicable, Errors);
        DateOnly? date = null;
        if (!string.IsNullOrWhiteSpace(DecisionDate) && (date = CouncilPageText.ParseDate(DecisionDate)) is null)
            Errors.Add("decisionDate", T($"'{DecisionDate}' không phải là ngày (dd/MM/yyyy).", $"'{DecisionDate}' is not a date (dd/MM/yyyy)."));
        if (!Errors.Any)
        {
            var decision = new AppealDecisionInput(upheld, Reason, input?.Kind, input?.Points, input?.Level, input?.Numerator, input?.Denominator, input?.Value, DecisionNumber, date);
            var outcome = await appeals.DecideAsync(year, appeal.Id, decision, Web.Actor.Of(User), cancellationToken);
            if (outcome.Succeeded)
            {
                await publication.EvictPublicPagesAsync(cancellationToken);
                Message = outcome.Value!.Correction is { } correction
                    ? T($"Đã chấp nhận phúc khảo số {appeal.Id}; đính chính đã được công bố (phiên bản {correction.Version}).", $"Appeal {appeal.Id} upheld; the correction was published (version {correction.Version}).")
                    : T($"Đã trả lời phúc khảo số {appeal.Id}.", $"Appeal {appeal.Id} decided.");
                return RedirectToPage(new { year });
            }
            Errors.Merge(outcome.Problems);
        }
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task LoadAsync(int year, CancellationToken cancellationToken)
    {
        Year = year;
        var who = await scopes.OfAsync(User, cancellationToken);
        Appeals = who is null ? [] : await appeals.ListAsync(year, who, cancellationToken);
        var nodes = new Dictionary<int, FrameworkNode>();
        foreach (var appeal in Appeals.Where(a => a.Status == AppealStatus.Pending))
            if (await scores.ContextAsync(year, appeal.UnitCode, cancellationToken) is { } context
                && context.Framework.Leaves().FirstOrDefault(n => n.Code == appeal.NodeCode) is { } node)
                nodes[appeal.Id] = node;
        Nodes = nodes;
        PhaseRefusal = (await gate.RefuseUnlessOpenAsync(year, CampaignPhaseKind.Reexamination, cancellationToken))?.ToDictionary().Values.SelectMany(m => m).FirstOrDefault();
    }

    public FormErrors ErrorsFor(int id) => AppealId == id ? Errors : Empty;

    private static readonly FormErrors Empty = new();
}
