using Microsoft.EntityFrameworkCore;
using ParIndex.Data;
using ParIndex.Data.Tabular;
using static ParIndex.Web.Text;

namespace ParIndex.Dossiers;

public sealed record ApologyImportReport(int RowsRead, int Recorded, IReadOnlyList<RowProblem> Problems)
{
    public bool Succeeded => Problems.Count == 0;
}

/// <summary>
/// Records apologies from a CSV or XLSX file, all-or-nothing: every row is checked (known dossier, the apology rules
/// of <see cref="Core.Dossiers.ApologyRules"/>, one row per dossier) and, if any row has a problem, nothing is stored.
/// Columns: code|ma_ho_so; issued_on|ngay_xin_loi; reason|ly_do; new_appointment|ngay_hen_moi; signed_by|nguoi_ky.
/// Re-running the same file is safe (the apology of a dossier is replaced).
/// </summary>
public sealed class ApologyImporter(AppDbContext db, DossierService dossiers)
{
    public static readonly string[] EnglishHeaders = ["code", "issued_on", "reason", "new_appointment", "signed_by"];
    public static readonly string[] VietnameseHeaders = ["Mã hồ sơ", "Ngày xin lỗi", "Lý do", "Ngày hẹn mới", "Người ký"];

    private sealed record Row(int Number, string Code, ApologyInput Input);

    public async Task<ApologyImportReport> ImportAsync(Stream stream, TabularFormat format, string actor, CancellationToken cancellationToken = default)
    {
        var problems = new List<RowProblem>();
        var rows = new List<Row>();
        int read = 0;
        try
        {
            await foreach (var row in TabularFile.ReadAsync(stream, format, cancellationToken))
            {
                read++;
                var code = row.Get("code", "ma_ho_so", "so_ho_so");
                if (code is null)
                {
                    problems.Add(new RowProblem(row.RowNumber, "code", T("Thiếu mã hồ sơ.", "The dossier code is missing.")));
                    continue;
                }
                DateOnly? Date(string column, params string[] aliases)
                {
                    var text = row.Get([column, .. aliases]);
                    if (text is null)
                        return null;
                    if (Cells.TryDate(text, out var date))
                        return date;
                    problems.Add(new RowProblem(row.RowNumber, column, T($"Ngày '{text}' không hợp lệ (dd/MM/yyyy).", $"Date '{text}' is not valid (dd/MM/yyyy).")));
                    return null;
                }
                rows.Add(new Row(row.RowNumber, code, new ApologyInput(
                    Date("issued_on", "ngay_xin_loi", "ngay_van_ban"),
                    row.Get("reason", "ly_do", "ly_do_tre_han"),
                    Date("new_appointment", "ngay_hen_moi", "ngay_hen_tra_moi"),
                    row.Get("signed_by", "nguoi_ky"))));
            }
        }
        catch (Exception exception) when (TabularImport.IsUnreadable(exception))
        {
            return new ApologyImportReport(read, 0, [TabularImport.Unreadable(read, exception)]);
        }
        if (read == 0)
            problems.Add(TabularImport.NoRows());
        foreach (var duplicate in rows.GroupBy(r => r.Code).Where(g => g.Count() > 1))
            foreach (var row in duplicate.Skip(1))
                problems.Add(new RowProblem(row.Number, "code", T($"Mã hồ sơ '{duplicate.Key}' lặp lại (đã có ở dòng {duplicate.First().Number}).", $"Dossier '{duplicate.Key}' repeats (first on row {duplicate.First().Number}).")));

        var codes = rows.Select(r => r.Code).Distinct().ToList();
        var found = new Dictionary<string, Dossier>();
        foreach (var slice in codes.Chunk(500))
            foreach (var dossier in await db.Dossiers.Where(d => slice.Contains(d.Code)).ToListAsync(cancellationToken))
                found[dossier.Code] = dossier;
        foreach (var row in rows)
        {
            if (!found.TryGetValue(row.Code, out var dossier))
            {
                problems.Add(new RowProblem(row.Number, "code", T($"Không có hồ sơ mã '{row.Code}'.", $"There is no dossier '{row.Code}'.")));
                continue;
            }
            if (await dossiers.CheckApologyAsync(dossier, row.Input, cancellationToken) is { } rowProblems)
                foreach (var (field, messages) in rowProblems.ToDictionary())
                    foreach (var message in messages)
                        problems.Add(new RowProblem(row.Number, field, message));
        }
        if (problems.Count > 0)
            return new ApologyImportReport(read, 0, problems.OrderBy(p => p.RowNumber).ToList());

        var ids = found.Values.Select(d => d.Id).ToList();
        var existing = await db.DossierApologies.Where(a => ids.Contains(a.DossierId)).ToDictionaryAsync(a => a.DossierId, cancellationToken);
        foreach (var row in rows)
        {
            var dossier = found[row.Code];
            dossiers.Stage(dossier, existing.GetValueOrDefault(dossier.Id), row.Input, actor);
        }
        await db.SaveChangesAsync(cancellationToken);
        return new ApologyImportReport(read, rows.Count, []);
    }
}
