using Microsoft.EntityFrameworkCore;
using ParIndex.Core.Frameworks;
using ParIndex.Core.Scoring;
using ParIndex.Data;
using ParIndex.Data.Tabular;
using ParIndex.Units;
using static ParIndex.Web.Text;

namespace ParIndex.Results;

/// <summary>
/// Imports past years' final inputs per leaf from CSV or XLSX, so that a city moving to ParIndex has trends and
/// the two-year discipline rule from day one. Each row is checked against the framework of the unit's block
/// for that year; all-or-nothing; re-importing the same file changes nothing. For years known only per
/// field, define that year's framework with the fields as manual leaves (docs/historical-import.md).
/// Columns: year|nam; unit|ma_don_vi; node|ma_tieu_chi; and one of points|diem, level|muc,
/// numerator|tu_so + denominator|mau_so, value|gia_tri, not_applicable|khong_phat_sinh.
/// </summary>
public sealed class HistoricalResultsImporter(AppDbContext db, ScoreEntryService scores)
{
    private sealed record Parsed(int RowNumber, int Year, string UnitCode, string NodeCode, LeafInput Input);

    public async Task<ImportReport> ImportAsync(Stream stream, TabularFormat format, string actor, CancellationToken cancellationToken = default)
    {
        var problems = new List<RowProblem>();
        var (parsed, rowsRead, unreadable) = await TabularImport.ParseAsync(stream, format, row => Parse(row, problems), problems, cancellationToken);
        if (unreadable is not null)
            return new ImportReport(rowsRead, 0, 0, [unreadable]);

        foreach (var duplicate in parsed.GroupBy(p => (p.Year, p.UnitCode, p.NodeCode)).Where(g => g.Count() > 1))
            foreach (var row in duplicate.Skip(1))
                problems.Add(new RowProblem(row.RowNumber, "node", T($"Điểm của {row.UnitCode} / {row.NodeCode} năm {row.Year} lặp lại (đã có ở dòng {duplicate.First().RowNumber}).", $"The score of {row.UnitCode} / {row.NodeCode} in {row.Year} repeats (first on row {duplicate.First().RowNumber}).")));

        var contexts = new Dictionary<(int, string), (Unit Unit, string BlockCode, FrameworkDefinition Framework)?>();
        foreach (var row in parsed)
        {
            if (!contexts.TryGetValue((row.Year, row.UnitCode), out var context))
                contexts[(row.Year, row.UnitCode)] = context = await scores.ContextAsync(row.Year, row.UnitCode, cancellationToken);
            if (context is null)
            {
                problems.Add(new RowProblem(row.RowNumber, "unit", T($"Đơn vị '{row.UnitCode}' không thuộc khối nào có bộ tiêu chí năm {row.Year}.", $"Unit '{row.UnitCode}' is in no block with a framework in {row.Year}.")));
                continue;
            }
            if (ScoreEntryService.Check(context.Value.Framework, row.NodeCode, row.Input) is { } invalid)
                foreach (var line in invalid.ToDictionary())
                    foreach (var message in line.Value)
                        problems.Add(new RowProblem(row.RowNumber, line.Key == "nodeCode" ? "node" : line.Key, message));
        }
        if (problems.Count > 0)
            return new ImportReport(rowsRead, 0, 0, problems.OrderBy(p => p.RowNumber).ToList());

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var created = 0;
        foreach (var group in parsed.GroupBy(p => (p.Year, p.UnitCode)))
        {
            var unit = contexts[group.Key]!.Value.Unit;
            var existing = await db.LeafScores
                .Where(s => s.Year == group.Key.Year && s.UnitId == unit.Id && s.Stage == ScoreStage.Final)
                .ToDictionaryAsync(s => s.NodeCode, cancellationToken);
            foreach (var row in group)
            {
                var score = existing.GetValueOrDefault(row.NodeCode);
                if (score is null)
                    created++;
                scores.Stage(row.Year, unit.Id, row.UnitCode, row.NodeCode, row.Input, score, actor);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ImportReport(rowsRead, created, parsed.Count - created, []);
    }

    private static Parsed? Parse(TabularRow row, List<RowProblem> problems)
    {
        var before = problems.Count;
        var yearText = row.Get("year", "nam");
        if (!Cells.TryInt(yearText, out var year) || year is < 2000 or > 2100)
            problems.Add(new RowProblem(row.RowNumber, "year", T($"Năm '{yearText}' không hợp lệ.", $"Year '{yearText}' is not valid.")));
        var unit = row.Get("unit", "unit_code", "ma_don_vi", "don_vi");
        if (unit is null)
            problems.Add(new RowProblem(row.RowNumber, "unit", T("Thiếu mã đơn vị.", "The unit code is missing.")));
        var node = row.Get("node", "node_code", "ma_tieu_chi", "tieu_chi");
        if (node is null)
            problems.Add(new RowProblem(row.RowNumber, "node", T("Thiếu mã tiêu chí.", "The criterion code is missing.")));
        var input = ParseInput(row, problems);
        return problems.Count > before || input is null ? null : new Parsed(row.RowNumber, year, unit!, node!, input);
    }

    private static LeafInput? ParseInput(TabularRow row, List<RowProblem> problems)
    {
        decimal? Number(string column, params string[] aliases)
        {
            var text = row.Get([column, .. aliases]);
            if (text is null)
                return null;
            if (Cells.TryDecimal(text, out var value))
                return value;
            problems.Add(new RowProblem(row.RowNumber, column, T($"'{text}' không phải là số.", $"'{text}' is not a number.")));
            return null;
        }
        var notApplicable = row.Get("not_applicable", "khong_phat_sinh") is { } na && ColumnName.Normalize(na) is "x" or "1" or "true" or "co" or "yes";
        if (notApplicable)
            return LeafInput.NotApplicableInput;
        if (row.Get("level", "muc") is { } level)
            return LeafInput.OfLevel(level);
        var numerator = Number("numerator", "tu_so");
        var denominator = Number("denominator", "mau_so");
        if (numerator is not null || denominator is not null)
            return new LeafInput { Kind = InputKind.Ratio, Numerator = numerator, Denominator = denominator };
        if (Number("value", "gia_tri") is { } value)
            return LeafInput.OfValue(value, row.Get("source", "nguon"));
        if (Number("points", "diem") is { } points)
            return LeafInput.OfPoints(points);
        if (problems.All(p => p.RowNumber != row.RowNumber))
            problems.Add(new RowProblem(row.RowNumber, "points", T("Dòng không có điểm, mức, tử số/mẫu số, giá trị hay \"không phát sinh\".", "The row has no points, level, numerator/denominator, value or \"not applicable\".")));
        return null;
    }
}
