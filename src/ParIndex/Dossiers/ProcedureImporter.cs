using Microsoft.EntityFrameworkCore;
using ParIndex.Calendar;
using ParIndex.Core.Calendar;
using ParIndex.Data;
using ParIndex.Data.Tabular;
using ParIndex.Units;
using static ParIndex.Web.Text;

namespace ParIndex.Dossiers;

/// <summary>
/// Imports the procedure catalogue from CSV or XLSX. All-or-nothing: every row is checked first, and if any row has
/// a problem nothing is stored and every problem is reported by row and column. Re-running a file is safe:
/// procedures are matched by code, and an unchanged procedure writes no audit entry.
/// Columns (Vietnamese or English headers, any order; diacritics and case do not matter):
/// ma_thu_tuc|code; ten|name_vi; ten_tieng_anh|name_en; linh_vuc|sector; cap|level (Trung ương/Tỉnh/Huyện/Xã or
/// Central/Province/District/Commune); thoi_han|processing_time (a whole number; 0 = the same day);
/// don_vi_thoi_han|processing_unit (ngày làm việc/ngày/giờ or WorkingDays/CalendarDays/Hours; empty = working days);
/// sau_15h|after_cut_off, co_phi|fee_bearing (có/không; empty = không); muc_do_truc_tuyen|online_level
/// (toàn trình/một phần/không or EndToEnd/Partial/None; empty = không).
/// </summary>
public sealed class ProcedureImporter(AppDbContext db, ProcedureService procedures)
{
    /// <summary>The template's columns: Vietnamese and English headers, in the same order.</summary>
    public static readonly string[] VietnameseHeaders = ["Mã thủ tục", "Tên", "Tên tiếng Anh", "Lĩnh vực", "Cấp", "Thời hạn", "Đơn vị thời hạn", "Sau 15h", "Có phí", "Mức độ trực tuyến"];
    public static readonly string[] EnglishHeaders = ["code", "name_vi", "name_en", "sector", "level", "processing_time", "processing_unit", "after_cut_off", "fee_bearing", "online_level"];

    private sealed record ParsedRow(int RowNumber, ProcedureInput Input);

    public async Task<ImportReport> ImportAsync(Stream stream, TabularFormat format, string actor, CancellationToken cancellationToken = default)
    {
        var problems = new List<RowProblem>();
        var (parsed, rowsRead, unreadable) = await TabularImport.ParseAsync(stream, format, row => Parse(row, problems), problems, cancellationToken);
        if (unreadable is not null)
            return new ImportReport(rowsRead, 0, 0, [unreadable]);

        foreach (var duplicate in parsed.GroupBy(p => p.Input.Code.Trim()).Where(g => g.Count() > 1))
            foreach (var row in duplicate.Skip(1))
                problems.Add(new RowProblem(row.RowNumber, "code", T($"Mã '{duplicate.Key}' lặp lại (đã có ở dòng {duplicate.First().RowNumber}).", $"Code '{duplicate.Key}' repeats (first on row {duplicate.First().RowNumber}).")));

        if (problems.Count > 0)
            return new ImportReport(rowsRead, 0, 0, problems.OrderBy(p => p.RowNumber).ToList());

        // Tracking every existing procedure once lets each upsert find its row without a query per line.
        var existing = (await db.Procedures.ToListAsync(cancellationToken)).Select(p => p.Code).ToHashSet(StringComparer.Ordinal);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var row in parsed)
            await procedures.UpsertAsync(row.Input, actor, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        var created = parsed.Count(p => !existing.Contains(p.Input.Code.Trim()));
        return new ImportReport(rowsRead, created, parsed.Count - created, []);
    }

    private static ParsedRow? Parse(TabularRow row, List<RowProblem> problems)
    {
        var before = problems.Count;
        var levelText = row.Get("level", "cap", "cap_thuc_hien");
        var level = ProcedureLabels.ParseLevel(levelText);
        if (levelText is not null && level is null)
            problems.Add(new RowProblem(row.RowNumber, "level", T($"Cấp '{levelText}' không hợp lệ (Trung ương, Tỉnh, Huyện, Xã).", $"Unknown level '{levelText}' (Central, Province, District, Commune).")));

        var timeText = row.Get("processing_time", "thoi_han", "thoi_han_giai_quyet");
        decimal? time = null;
        if (timeText is not null)
        {
            if (Cells.TryDecimal(timeText, out var t))
                time = t;
            else
                problems.Add(new RowProblem(row.RowNumber, "processing_time", T($"Thời hạn '{timeText}' không phải là số.", $"Processing time '{timeText}' is not a number.")));
        }

        var unitText = row.Get("processing_unit", "don_vi_thoi_han", "don_vi");
        var unit = unitText is null ? DeadlineUnit.WorkingDays : CalendarInput.ParseUnit(unitText);
        if (unit is null)
            problems.Add(new RowProblem(row.RowNumber, "processing_unit", T($"Đơn vị thời hạn '{unitText}' không hợp lệ (ngày làm việc, ngày, giờ).", $"Unknown processing unit '{unitText}' (WorkingDays, CalendarDays, Hours).")));

        var cutOff = YesNo(row, problems, "after_cut_off", T("Sau 15h", "After cut-off"), "after_cut_off", "sau_15h", "sau_15_gio");
        var fee = YesNo(row, problems, "fee_bearing", T("Có phí", "Fee-bearing"), "fee_bearing", "co_phi", "phi_le_phi");

        var onlineText = row.Get("online_level", "muc_do_truc_tuyen", "dvctt");
        var online = onlineText is null ? OnlineLevel.None : ProcedureLabels.ParseOnline(onlineText);
        if (online is null)
            problems.Add(new RowProblem(row.RowNumber, "online_level", T($"Mức độ trực tuyến '{onlineText}' không hợp lệ (toàn trình, một phần, không).", $"Unknown online level '{onlineText}' (EndToEnd, Partial, None).")));

        var input = new ProcedureInput(
            row.Get("code", "ma_thu_tuc", "ma") ?? "",
            row.Get("name_vi", "ten", "ten_thu_tuc") ?? "",
            row.Get("name_en", "ten_tieng_anh"),
            row.Get("sector", "linh_vuc") ?? "",
            level,
            time,
            unit ?? DeadlineUnit.WorkingDays,
            cutOff ?? false,
            fee ?? false,
            online ?? OnlineLevel.None);
        // The service's checks, with its field names turned into the file's columns; a column already reported above is not reported twice.
        var reported = problems.Skip(before).Select(p => p.Column).ToHashSet();
        foreach (var (field, messages) in ProcedureService.Validate(input).ToDictionary())
        {
            var column = ColumnOf(field);
            if (reported.Contains(column))
                continue;
            foreach (var message in messages)
                problems.Add(new RowProblem(row.RowNumber, column, message));
        }
        return problems.Count > before ? null : new ParsedRow(row.RowNumber, input);
    }

    private static bool? YesNo(TabularRow row, List<RowProblem> problems, string column, string label, params string[] names)
    {
        var text = row.Get(names);
        if (text is null)
            return null;
        var value = CalendarInput.ParseYesNo(text);
        if (value is null)
            problems.Add(new RowProblem(row.RowNumber, column, T($"{label}: '{text}' phải là 'có' hoặc 'không'.", $"{label}: '{text}' must be yes or no (có/không).")));
        return value;
    }

    private static string ColumnOf(string field) => field switch
    {
        "nameVi" => "name_vi",
        "nameEn" => "name_en",
        "processingTime" => "processing_time",
        "processingUnit" => "processing_unit",
        "onlineLevel" => "online_level",
        _ => field,
    };
}
