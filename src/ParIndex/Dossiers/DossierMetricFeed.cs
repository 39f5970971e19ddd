using Microsoft.EntityFrameworkCore;
using ParIndex.Audit;
using ParIndex.Core.Dossiers;
using ParIndex.Core.Frameworks;
using ParIndex.Core.Scoring;
using ParIndex.Data;
using ParIndex.Frameworks;
using ParIndex.Results;
using ParIndex.Web;
using static ParIndex.Web.Text;

namespace ParIndex.Dossiers;

/// <summary>What "Cập nhật chỉ số từ dữ liệu hồ sơ" did.</summary>
/// <param name="Written">Inputs created or changed.</param>
/// <param name="Unchanged">Inputs that already held the value.</param>
/// <param name="WithoutData">Unit and leaf pairs left alone because the unit had no dossier data for the metric in the year.</param>
/// <param name="Leaves">Metric leaves fed, over all blocks.</param>
public sealed record MetricFeedResult(int Year, int Written, int Unchanged, int WithoutData, int Leaves, IReadOnlyList<string> Notes);

/// <summary>
/// Feeds the framework leaves that use a dossier metric (<see cref="DossierIndicators.MetricNamesFed"/>) for a year:
/// for every block of the year and every member unit, the year's indicator computed from the stored dossiers is
/// written as the leaf's final input, of kind Value with its source, through <see cref="ScoreEntryService"/>'s
/// checks and audit trail (one entry per changed input, and one for the run), in one SaveChanges.
/// </summary>
public sealed class DossierMetricFeed(AppDbContext db, FrameworkService frameworks, ScoreEntryService scores, DossierIndicatorsQuery indicators, AuditLog audit, TimeProvider clock)
{
    public async Task<Outcome<MetricFeedResult>> FeedYearAsync(int year, string actor, CancellationToken cancellationToken = default)
    {
        if (year is < 2000 or > 2099)
            return Problems.Of("year", T("Năm không hợp lệ.", "The year is not valid."));
        var blocks = await db.Blocks.AsNoTracking().Include(b => b.Members).ThenInclude(m => m.Unit).Where(b => b.Year == year).ToListAsync(cancellationToken);
        if (blocks.Count == 0)
            return Problems.Of("year", T($"Năm {year} chưa có khối nào.", $"There is no block in {year}."));

        var period = DossierPeriod.WholeYear(year);
        var counts = await indicators.CountsAsync(period, null, cancellationToken);
        var updatedOn = Core.Calendar.VietnamTime.LocalDate(clock.GetUtcNow());
        int written = 0, unchanged = 0, withoutData = 0, leaves = 0;
        var notes = new List<string>();
        foreach (var block in blocks.OrderBy(b => b.Code, StringComparer.Ordinal))
        {
            var framework = await frameworks.PublishedAsync(year, block.Code, cancellationToken) ?? await frameworks.LatestAsync(year, block.Code, cancellationToken);
            if (framework is null)
            {
                notes.Add(T($"Khối {block.Code}: chưa có bộ tiêu chí.", $"Block {block.Code}: no framework."));
                continue;
            }
            var definition = FrameworkService.Definition(framework);
            var metricLeaves = definition.Leaves()
                .Where(n => n.Method is MetricMethod m && DossierIndicators.MetricNamesFed.Contains(m.Metric))
                .Select(n => (n.Code, Metric: ((MetricMethod)n.Method!).Metric))
                .ToList();
            if (metricLeaves.Count == 0)
                continue;
            leaves += metricLeaves.Count;
            var unitIds = block.Members.Select(m => m.UnitId).ToList();
            var nodeCodes = metricLeaves.Select(l => l.Code).ToList();
            var existing = await db.LeafScores
                .Where(s => s.Year == year && s.Stage == ScoreStage.Final && unitIds.Contains(s.UnitId) && nodeCodes.Contains(s.NodeCode))
                .ToListAsync(cancellationToken);
            foreach (var member in block.Members.OrderBy(m => m.Unit!.Code, StringComparer.Ordinal))
            {
                var unitIndicators = DossierIndicators.From(counts.GetValueOrDefault(member.UnitId) ?? DossierCounts.Empty);
                foreach (var (nodeCode, metric) in metricLeaves)
                {
                    if (unitIndicators.Metric(metric) is not { } raw)
                    {
                        withoutData++;
                        continue;
                    }
                    var value = Math.Round(raw, 2, MidpointRounding.AwayFromZero);
                    var input = LeafInput.OfValue(value, Source(unitIndicators, year, updatedOn));
                    if (ScoreEntryService.Check(definition, nodeCode, input) is { } problems)
                    {
                        notes.AddRange(problems.Lines().Select(l => $"{member.Unit!.Code} {nodeCode}: {l}"));
                        continue;
                    }
                    var score = existing.FirstOrDefault(s => s.UnitId == member.UnitId && s.NodeCode == nodeCode);
                    if (score is { Kind: InputKind.Value } && score.Value == value)
                    {
                        unchanged++;
                        if (score.Source != input.Source)
                            score.Source = input.Source;
                        continue;
                    }
                    scores.Stage(year, member.UnitId, member.Unit!.Code, nodeCode, input, score, actor);
                    written++;
                }
            }
        }
        audit.Record(actor, "dossiers.metrics-fed", "year", year.ToString(System.Globalization.CultureInfo.InvariantCulture), null,
            AuditLog.Json(new { written, unchanged, withoutData, leaves }));
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<MetricFeedResult>.Ok(new MetricFeedResult(year, written, unchanged, withoutData, leaves, notes));
    }

    /// <summary>"Dữ liệu hồ sơ một cửa năm 2025: 12.345 hồ sơ tiếp nhận, 12.000 đã giải quyết (cập nhật 22/11/2025)".</summary>
    private static string Source(DossierIndicators i, int year, DateOnly updatedOn) => string.Create(WebSetup.Vietnamese,
        $"Dữ liệu hồ sơ một cửa năm {year}: {i.Received:N0} hồ sơ tiếp nhận, {i.Resolved:N0} đã giải quyết, {i.Late:N0} trễ hạn (cập nhật {DossierText.Date(updatedOn)})");
}
