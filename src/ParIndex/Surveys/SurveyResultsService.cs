using Microsoft.EntityFrameworkCore;
using ParIndex.Core.Surveys;
using ParIndex.Data;
using ParIndex.Web;

namespace ParIndex.Surveys;

/// <summary>A campaign's computed results with the names the pages and exports show.</summary>
public sealed record CampaignResults(CampaignDto Campaign, QuestionnaireDefinition Questionnaire, SurveyResults Results, IReadOnlyDictionary<string, string> UnitNames, IReadOnlyDictionary<string, string?> UnitBlocks);

/// <summary>Counter ratings of one unit in a period, for the 766 satisfaction group (dossiers feature).</summary>
public sealed record CounterSatisfaction(string UnitCode, int Ratings, int VerySatisfied, int Satisfied, int NotSatisfied)
{
    /// <summary>Share of ratings that are satisfied or very satisfied, %; null without ratings.</summary>
    public decimal? SatisfiedShare => Ratings == 0 ? null : Math.Round((VerySatisfied + Satisfied) * 100m / Ratings, 6);

    /// <summary>Share of ratings that are "không hài lòng", %; the 766 rule subtracts it.</summary>
    public decimal? NotSatisfiedShare => Ratings == 0 ? null : Math.Round(NotSatisfied * 100m / Ratings, 6);
}

/// <summary>
/// Reads stored responses and ratings and hands them to the pure statistics (ParIndex.Core.Surveys). The public sees
/// published campaigns only; administrators see everything while it runs.
/// </summary>
public sealed class SurveyResultsService(AppDbContext db, CampaignService campaigns)
{
    public async Task<CampaignResults?> CampaignAsync(string code, bool includeUnpublished, CancellationToken cancellationToken = default)
    {
        var campaign = await campaigns.FindAsync(code, cancellationToken);
        if (campaign is null || !campaign.IsPublished && !includeUnpublished)
            return null;
        var questionnaire = QuestionnaireService.Definition(campaign.Questionnaire!);
        var language = UiLanguage.Current;
        var units = campaign.Targets.Select(t => t.Unit!).DistinctBy(u => u.Id).OrderBy(u => u.Name(language), VietnameseText.Comparer).ToList();
        var unitIndex = units.Select((u, i) => (u.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var groupIndex = questionnaire.Groups.Select((g, i) => (g.Code, i)).ToDictionary(x => x.Code, x => x.i, StringComparer.Ordinal);
        var unitIds = units.Select(u => u.Id).ToList();
        var blocks = await db.BlockMembers.AsNoTracking().Where(m => m.Year == campaign.Year && unitIds.Contains(m.UnitId))
            .Select(m => new { m.UnitId, m.Block!.Code }).ToListAsync(cancellationToken);
        var blockOf = blocks.ToDictionary(b => b.UnitId, b => b.Code);
        var blockCodes = blockOf.Values.Distinct().Order(StringComparer.Ordinal).Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i + 1);

        var records = new List<ResponseRecord>();
        await foreach (var r in db.SurveyResponses.AsNoTracking().Where(r => r.CampaignId == campaign.Id)
                           .Select(r => new { r.UnitId, r.RespondentGroup, r.Choices }).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (unitIndex.TryGetValue(r.UnitId, out var u) && groupIndex.TryGetValue(r.RespondentGroup, out var g))
                records.Add(new ResponseRecord(u, g, r.Choices));
        }
        var weights = campaign.Targets.Where(t => t.PopulationWeight is > 0 && groupIndex.ContainsKey(t.RespondentGroup))
            .ToDictionary(t => (unitIndex[t.UnitId], groupIndex[t.RespondentGroup]), t => (double)t.PopulationWeight!.Value);
        var results = SurveyAggregator.Aggregate(questionnaire, units.Select(u => u.Code).ToList(), records, new SurveyOptions
        {
            MinimumSample = campaign.Rule,
            UnitBlocks = units.Select(u => blockOf.TryGetValue(u.Id, out var b) ? blockCodes[b] : 0).ToList(),
            PopulationWeights = weights.Count == 0 ? null : weights,
        });
        return new CampaignResults(campaigns.Dto(campaign, records.Count), questionnaire, results,
            units.ToDictionary(u => u.Code, u => u.Name(language)), units.ToDictionary(u => u.Code, u => blockOf.GetValueOrDefault(u.Id)));
    }

    /// <summary>Counter ratings per unit from <paramref name="from"/> to <paramref name="to"/> (inclusive, local days).</summary>
    public async Task<IReadOnlyList<CounterSatisfaction>> CounterSatisfactionAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        var rows = await db.CounterRatings.AsNoTracking().Where(r => r.RatedOn >= from && r.RatedOn <= to)
            .GroupBy(r => new { r.UnitId, r.Rating }).Select(g => new { g.Key.UnitId, g.Key.Rating, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.UnitId).Distinct().ToList();
        var codes = await db.Units.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Code, cancellationToken);
        return rows.GroupBy(r => r.UnitId).Select(g => new CounterSatisfaction(codes[g.Key],
                g.Sum(r => r.Count), g.Where(r => r.Rating == 3).Sum(r => r.Count), g.Where(r => r.Rating == 2).Sum(r => r.Count), g.Where(r => r.Rating == 1).Sum(r => r.Count)))
            .OrderBy(c => c.UnitCode, StringComparer.Ordinal).ToList();
    }

    /// <summary>Receipt codes of the dossiers rated "không hài lòng" at a unit's counters in a period (for the 766 per-dossier join).</summary>
    public async Task<IReadOnlyList<string>> NotSatisfiedDossierCodesAsync(string unitCode, DateOnly from, DateOnly to, CancellationToken cancellationToken = default) =>
        await db.CounterRatings.AsNoTracking()
            .Where(r => r.Rating == 1 && r.DossierCode != null && r.RatedOn >= from && r.RatedOn <= to && db.Units.Any(u => u.Id == r.UnitId && u.Code == unitCode))
            .Select(r => r.DossierCode!).ToListAsync(cancellationToken);

    /// <summary>The counter rating results of a year as survey results (counter.satisfied_share per unit, minimum n and fallback).</summary>
    public async Task<CampaignResults> CounterYearAsync(int year, MinimumSampleRule rule, CancellationToken cancellationToken = default)
    {
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var tallies = await db.CounterRatings.AsNoTracking().Where(r => r.RatedOn >= from && r.RatedOn <= to)
            .GroupBy(r => new { r.UnitId, r.Rating }).Select(g => new { g.Key.UnitId, g.Key.Rating, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var ids = tallies.Select(t => t.UnitId).Distinct().ToList();
        var language = UiLanguage.Current;
        var units = await db.Units.AsNoTracking().Where(u => ids.Contains(u.Id)).ToListAsync(cancellationToken);
        units = units.OrderBy(u => u.Name(language), VietnameseText.Comparer).ToList();
        var index = units.Select((u, i) => (u.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var blocks = await db.BlockMembers.AsNoTracking().Where(m => m.Year == year && ids.Contains(m.UnitId)).Select(m => new { m.UnitId, m.Block!.Code }).ToListAsync(cancellationToken);
        var blockOf = blocks.ToDictionary(b => b.UnitId, b => b.Code);
        var blockCodes = blockOf.Values.Distinct().Order(StringComparer.Ordinal).Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i + 1);
        var questionnaire = SurveyTemplates.Counter();
        // Choice order of the counter question: 0 rất hài lòng (3), 1 hài lòng (2), 2 không hài lòng (1).
        var results = SurveyAggregator.AggregateCounts(questionnaire, units.Select(u => u.Code).ToList(),
            tallies.Select(t => (index[t.UnitId], 0, 3 - t.Rating, t.Count)),
            new SurveyOptions { MinimumSample = rule, UnitBlocks = units.Select(u => blockOf.TryGetValue(u.Id, out var b) ? blockCodes[b] : 0).ToList() });
        var dto = new CampaignDto($"QUAY-{year}", $"Đánh giá tại quầy năm {year}", $"Counter ratings {year}", questionnaire.Code, 1, QuestionnaireKind.CounterRating, year,
            from, to, CampaignState.Closed, null, rule.MinimumN, rule.Fallback, true, units.Count, 0, tallies.Sum(t => t.Count));
        return new CampaignResults(dto, questionnaire, results, units.ToDictionary(u => u.Code, u => u.Name(language)), units.ToDictionary(u => u.Code, u => blockOf.GetValueOrDefault(u.Id)));
    }
}
