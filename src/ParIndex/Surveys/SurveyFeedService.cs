using Microsoft.EntityFrameworkCore;
using ParIndex.Audit;
using ParIndex.Core.Frameworks;
using ParIndex.Core.Scoring;
using ParIndex.Core.Surveys;
using ParIndex.Data;
using ParIndex.Results;
using ParIndex.Web;
using static ParIndex.Web.Text;

namespace ParIndex.Surveys;

public sealed record FeedLine(string UnitCode, string NodeCode, string Metric, decimal Value, string Source);

public sealed record FeedReport(int UnitsFed, IReadOnlyList<FeedLine> Written, IReadOnlyList<string> Skipped);

/// <summary>
/// Writes survey results into the final inputs of framework leaves scored by the survey method (points = max × share):
/// for each unit of the results, every leaf of its framework for the year whose survey name is one of the computed
/// metrics gets a Value input with a Source that says where it came from (n, interval, fallback). Audited per leaf
/// (through <see cref="ScoreEntryService"/>) and once for the whole action.
/// </summary>
public sealed class SurveyFeedService(AppDbContext db, SurveyResultsService results, ScoreEntryService scores, AuditLog audit)
{
    public async Task<Outcome<FeedReport>> FeedCampaignAsync(string campaignCode, string actor, CancellationToken cancellationToken = default)
    {
        var computed = await results.CampaignAsync(campaignCode, includeUnpublished: true, cancellationToken);
        return computed is null ? Outcome<FeedReport>.Missing() : await FeedAsync(computed, actor, cancellationToken);
    }

    public async Task<Outcome<FeedReport>> FeedCounterYearAsync(int year, MinimumSampleRule rule, string actor, CancellationToken cancellationToken = default) =>
        await FeedAsync(await results.CounterYearAsync(year, rule, cancellationToken), actor, cancellationToken);

    private async Task<Outcome<FeedReport>> FeedAsync(CampaignResults computed, string actor, CancellationToken cancellationToken)
    {
        var year = computed.Campaign.Year;
        var written = new List<FeedLine>();
        var skipped = new List<string>();
        var unitsFed = 0;
        foreach (var unit in computed.Results.Units)
        {
            var context = await scores.ContextAsync(year, unit.UnitCode, cancellationToken);
            if (context is null)
            {
                skipped.Add(T($"{unit.UnitCode}: không thuộc khối nào có bộ tiêu chí năm {year}.", $"{unit.UnitCode}: in no block with a framework in {year}."));
                continue;
            }
            var (entity, _, framework) = context.Value;
            var leaves = framework.AllNodes().Where(n => n.Method is SurveyMethod).ToList();
            var existing = await db.LeafScores.Where(s => s.Year == year && s.UnitId == entity.Id && s.Stage == ScoreStage.Final)
                .ToDictionaryAsync(s => s.NodeCode, cancellationToken);
            var fedHere = false;
            foreach (var leaf in leaves)
            {
                var name = ((SurveyMethod)leaf.Method!).Survey;
                if (unit.Metrics.FirstOrDefault(m => m.Metric == name && m.Group is null) is not { Used: { } used } metric)
                    continue;
                var value = Math.Round(used, 2, MidpointRounding.AwayFromZero);
                var source = Source(computed.Campaign, metric);
                var input = LeafInput.OfValue(value, source);
                if (ScoreEntryService.Check(framework, leaf.Code, input) is { } problems)
                {
                    skipped.Add($"{unit.UnitCode}/{leaf.Code}: {string.Join(" ", problems.Lines())}");
                    continue;
                }
                scores.Stage(year, entity.Id, unit.UnitCode, leaf.Code, input, existing.GetValueOrDefault(leaf.Code), actor);
                written.Add(new FeedLine(unit.UnitCode, leaf.Code, name, value, source));
                fedHere = true;
            }
            if (fedHere)
                unitsFed++;
        }
        audit.Record(actor, "survey.fed-framework", "survey-campaign", computed.Campaign.Code, null,
            AuditLog.Json(new { year, units = unitsFed, leaves = written.Count, skipped = skipped.Count }));
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<FeedReport>.Ok(new FeedReport(unitsFed, written, skipped));
    }

    /// <summary>Where a fed value came from, in Vietnamese (the explainer shows it next to the points).</summary>
    public static string Source(CampaignDto campaign, MetricStat metric)
    {
        var basis = $"{campaign.NameVi} ({campaign.Code}, phiếu {campaign.Questionnaire} v{campaign.QuestionnaireVersion}): ";
        var own = metric.Value is { } v ? $"{Vi(v)} %" : "không có câu trả lời hợp lệ";
        var interval = metric.Interval is { } i ? $", khoảng tin cậy 95 % {Vi(i.Low)}–{Vi(i.High)} %" : "";
        if (metric.Fallback is not { } fallback)
            return basis + $"{own}, n = {metric.N}{interval}";
        var rule = fallback switch
        {
            FallbackKind.BlockMean => $"dùng bình quân khối {Vi(metric.Used!.Value)} %",
            FallbackKind.FullPoints => "tính 100 %",
            FallbackKind.Zero => "tính 0 %",
            _ => "vẫn dùng kết quả của đơn vị",
        };
        return basis + $"n = {metric.N} dưới cỡ mẫu tối thiểu {campaign.MinimumN} ({own}): {rule}";
    }

    private static string Vi(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero).ToString("0.00", System.Globalization.CultureInfo.GetCultureInfo("vi-VN"));
}
