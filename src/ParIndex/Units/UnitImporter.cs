using Microsoft.EntityFrameworkCore;
using ParIndex.Data;
using ParIndex.Data.Tabular;
using static ParIndex.Web.Text;

namespace ParIndex.Units;

public sealed record ImportReport(int RowsRead, int Created, int Updated, IReadOnlyList<RowProblem> Problems)
{
    public bool Succeeded => Problems.Count == 0;
}

/// <summary>
/// Imports units (and optionally their block of a year) from CSV or XLSX. All-or-nothing: every row is checked
/// first, and if any row has a problem nothing is stored and every problem is reported by row and column.
/// Re-running the same file is safe: units are matched by code.
/// Columns (English or Vietnamese headers): code|ma; name_vi|ten; name_en|ten_tieng_anh; kind|loai;
/// valid_from|hieu_luc_tu; valid_to|hieu_luc_den; parent_code|don_vi_cha; block_year|nam; block_code|khoi.
/// </summary>
public sealed class UnitImporter(AppDbContext db, UnitService units, BlockService blocks)
{
    private sealed record ParsedRow(int RowNumber, UnitDto Unit, int? BlockYear, string? BlockCode);

    public async Task<ImportReport> ImportAsync(Stream stream, TabularFormat format, string actor, CancellationToken cancellationToken = default)
    {
        var problems = new List<RowProblem>();
        var (parsed, rowsRead, unreadable) = await TabularImport.ParseAsync(stream, format, row => Parse(row, problems), problems, cancellationToken);
        if (unreadable is not null)
            return new ImportReport(rowsRead, 0, 0, [unreadable]);

        foreach (var duplicate in parsed.GroupBy(p => p.Unit.Code).Where(g => g.Count() > 1))
            foreach (var row in duplicate.Skip(1))
                problems.Add(new RowProblem(row.RowNumber, "code", T($"Mã '{duplicate.Key}' lặp lại (đã có ở dòng {duplicate.First().RowNumber}).", $"Code '{duplicate.Key}' repeats (first on row {duplicate.First().RowNumber}).")));

        var existingCodes = await db.Units.Select(u => u.Code).ToListAsync(cancellationToken);
        var knownCodes = new HashSet<string>(existingCodes.Concat(parsed.Select(p => p.Unit.Code)));
        foreach (var row in parsed)
            foreach (var (field, messages) in units.Validate(row.Unit, knownCodes).ToDictionary())
                foreach (var message in messages)
                    problems.Add(new RowProblem(row.RowNumber, field, message));
        var blockKeys = parsed.Where(p => p.BlockCode is not null).Select(p => (p.BlockYear!.Value, p.BlockCode!)).Distinct().ToList();
        foreach (var (year, code) in blockKeys)
            if (await db.Blocks.AllAsync(b => b.Year != year || b.Code != code, cancellationToken))
                foreach (var row in parsed.Where(p => p.BlockYear == year && p.BlockCode == code))
                    problems.Add(new RowProblem(row.RowNumber, "block_code", T($"Không có khối '{code}' năm {year}.", $"There is no block '{code}' in {year}.")));

        if (problems.Count > 0)
            return new ImportReport(rowsRead, 0, 0, problems.OrderBy(p => p.RowNumber).ToList());

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var existing = existingCodes.ToHashSet();
        // Parents first, so that a child row can point at a parent defined further down the file.
        foreach (var row in parsed.OrderBy(p => p.Unit.ParentCode is null ? 0 : 1))
            await units.UpsertAsync(row.Unit, actor, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var group in parsed.Where(p => p.BlockCode is not null).GroupBy(p => (p.BlockYear!.Value, p.BlockCode!)))
        {
            var block = (await blocks.FindAsync(group.Key.Item1, group.Key.Item2, cancellationToken))!;
            var members = block.Members.Select(m => m.Unit!.Code).Concat(group.Select(p => p.Unit.Code)).Distinct().ToList();
            var outcome = await blocks.SetMembersAsync(group.Key.Item1, group.Key.Item2, members, actor, cancellationToken);
            if (!outcome.Succeeded)
            {
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
                var lines = outcome.Problems?.Lines() ?? [];
                return new ImportReport(rowsRead, 0, 0, group.Select(p => new RowProblem(p.RowNumber, "block_code", string.Join(" ", lines))).ToList());
            }
        }
        await transaction.CommitAsync(cancellationToken);
        var created = parsed.Count(p => !existing.Contains(p.Unit.Code));
        return new ImportReport(rowsRead, created, parsed.Count - created, []);
    }

    private static ParsedRow? Parse(TabularRow row, List<RowProblem> problems)
    {
        var before = problems.Count;
        var code = row.Get("code", "ma", "ma_don_vi") ?? "";
        var nameVi = row.Get("name_vi", "ten", "ten_don_vi", "ten_tieng_viet") ?? "";
        var kindText = row.Get("kind", "loai", "loai_don_vi");
        var kind = UnitKinds.Parse(kindText);
        if (kind is null)
            problems.Add(new RowProblem(row.RowNumber, "kind", kindText is null
                ? T("Thiếu loại đơn vị.", "The unit kind is missing.")
                : T($"Loại đơn vị '{kindText}' không hợp lệ (so-ban-nganh, quan-huyen, tp-thu-duc, phuong-xa, khac).", $"Unknown unit kind '{kindText}' (Department, District, ThuDucCity, Ward, Other).")));
        var fromText = row.Get("valid_from", "hieu_luc_tu", "tu_ngay");
        DateOnly validFrom = new(2000, 1, 1);
        if (fromText is not null && !Cells.TryDate(fromText, out validFrom))
            problems.Add(new RowProblem(row.RowNumber, "valid_from", T($"Ngày '{fromText}' không hợp lệ (dd/MM/yyyy).", $"Date '{fromText}' is not valid (dd/MM/yyyy).")));
        var toText = row.Get("valid_to", "hieu_luc_den", "den_ngay");
        DateOnly? validTo = null;
        if (toText is not null)
        {
            if (Cells.TryDate(toText, out var to))
                validTo = to;
            else
                problems.Add(new RowProblem(row.RowNumber, "valid_to", T($"Ngày '{toText}' không hợp lệ (dd/MM/yyyy).", $"Date '{toText}' is not valid (dd/MM/yyyy).")));
        }
        var blockCode = row.Get("block_code", "khoi", "ma_khoi");
        var blockYearText = row.Get("block_year", "nam");
        int? blockYear = null;
        if (blockCode is not null)
        {
            if (Cells.TryInt(blockYearText, out var y))
                blockYear = y;
            else
                problems.Add(new RowProblem(row.RowNumber, "block_year", T("Có mã khối thì phải có năm của khối.", "A block code needs the block's year.")));
        }
        if (problems.Count > before)
            return null;
        return new ParsedRow(row.RowNumber, new UnitDto(code, nameVi, row.Get("name_en", "ten_tieng_anh"), kind!.Value, validFrom, validTo, row.Get("parent_code", "don_vi_cha", "ma_don_vi_cha")), blockYear, blockCode);
    }
}
