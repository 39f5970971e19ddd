using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ParIndex.Audit;
using ParIndex.Core.Calendar;
using ParIndex.Data;
using ParIndex.Data.Tabular;
using ParIndex.Web;
using static ParIndex.Web.Text;

namespace ParIndex.Dossiers;

/// <summary>A procedure as it is sent to be saved (API body, form, import row).</summary>
public sealed record ProcedureInput(
    string Code,
    string NameVi,
    string? NameEn,
    string Sector,
    ProcedureLevel? Level,
    decimal? ProcessingTime,
    DeadlineUnit? ProcessingUnit = DeadlineUnit.WorkingDays,
    bool AfterCutOffCountsNextDay = false,
    bool FeeBearing = false,
    OnlineLevel OnlineLevel = OnlineLevel.None)
{
    public static ProcedureInput From(Procedure p) =>
        new(p.Code, p.NameVi, p.NameEn, p.Sector, p.Level, p.ProcessingTime, p.ProcessingUnit, p.AfterCutOffCountsNextDay, p.FeeBearing, p.OnlineLevel);
}

public sealed record ProcedureDto(
    string Code,
    string NameVi,
    string? NameEn,
    string Sector,
    ProcedureLevel Level,
    decimal ProcessingTime,
    DeadlineUnit ProcessingUnit,
    bool AfterCutOffCountsNextDay,
    bool FeeBearing,
    OnlineLevel OnlineLevel,
    string DeadlineVi,
    string DeadlineEn)
{
    public static ProcedureDto From(Procedure p) => new(p.Code, p.NameVi, p.NameEn, p.Sector, p.Level, p.ProcessingTime, p.ProcessingUnit,
        p.AfterCutOffCountsNextDay, p.FeeBearing, p.OnlineLevel, ProcedureDeadlines.DescribeVi(p), ProcedureDeadlines.DescribeEn(p));
}

/// <summary>Filters of the catalogue; <see cref="Q"/> matches code or name, ignoring case and diacritics.</summary>
public sealed record ProcedureFilter(string? Sector = null, ProcedureLevel? Level = null, OnlineLevel? Online = null, string? Q = null);

/// <summary>
/// The catalogue of administrative procedures (thủ tục hành chính) with what their deadlines depend on: list and
/// search, save with validation (audited), and the deadline policy of each (<see cref="ProcedureDeadlines"/>).
/// Used by the API, the pages, the importer, the calendar's deadline calculator and dossier ingestion.
/// </summary>
public sealed partial class ProcedureService(AppDbContext db, AuditLog audit)
{
    /// <summary>Longest processing time accepted: about 27 years of days, far beyond any procedure, still inside the calendar.</summary>
    public const decimal MaxProcessingTime = 10_000;

    public async Task<IReadOnlyList<Procedure>> ListAsync(ProcedureFilter? filter = null, CancellationToken cancellationToken = default)
    {
        filter ??= new ProcedureFilter();
        var query = db.Procedures.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Sector))
            query = query.Where(p => p.Sector == filter.Sector);
        if (filter.Level is { } level)
            query = query.Where(p => p.Level == level);
        if (filter.Online is { } online)
            query = query.Where(p => p.OnlineLevel == online);
        var procedures = await query.ToListAsync(cancellationToken);
        var needle = string.IsNullOrWhiteSpace(filter.Q) ? "" : ColumnName.Normalize(filter.Q);
        return procedures
            .Where(p => needle.Length == 0
                        || ColumnName.Normalize(p.Code).Contains(needle, StringComparison.Ordinal)
                        || ColumnName.Normalize(p.NameVi).Contains(needle, StringComparison.Ordinal)
                        || (p.NameEn is not null && ColumnName.Normalize(p.NameEn).Contains(needle, StringComparison.Ordinal)))
            .OrderBy(p => p.Sector, VietnameseText.Comparer)
            .ThenBy(p => p.NameVi, VietnameseText.Comparer)
            .ThenBy(p => p.Code, StringComparer.Ordinal)
            .ToList();
    }

    public async Task<IReadOnlyList<string>> SectorsAsync(CancellationToken cancellationToken = default) =>
        (await db.Procedures.Select(p => p.Sector).Distinct().ToListAsync(cancellationToken)).OrderBy(s => s, VietnameseText.Comparer).ToList();

    public Task<Procedure?> FindAsync(string code, CancellationToken cancellationToken = default) =>
        db.Procedures.AsNoTracking().FirstOrDefaultAsync(p => p.Code == code.Trim(), cancellationToken);

    public Task<int> CountAsync(CancellationToken cancellationToken = default) => db.Procedures.CountAsync(cancellationToken);

    /// <summary>
    /// The deadline policy of every procedure by code, for ingesting many dossiers: build it once per batch (policies are
    /// immutable and shared), then <c>calendar.ComputeDue(receivedAt, policies[code])</c> per dossier.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, DeadlinePolicy>> PoliciesByCodeAsync(CancellationToken cancellationToken = default)
    {
        var procedures = await db.Procedures.AsNoTracking().ToListAsync(cancellationToken);
        return procedures.ToDictionary(p => p.Code, ProcedureDeadlines.PolicyFor, StringComparer.Ordinal);
    }

    /// <summary>Checks a procedure's fields; problems are keyed by the JSON field names ("code", "processingTime", …).</summary>
    public static Problems Validate(ProcedureInput input)
    {
        var problems = new Problems();
        if (string.IsNullOrWhiteSpace(input.Code))
            problems.Add("code", T("Mã thủ tục là bắt buộc.", "The procedure code is required."));
        else if (!CodePattern().IsMatch(input.Code.Trim()))
            problems.Add("code", T($"Mã thủ tục '{input.Code}' chỉ gồm chữ, số, '.', '-' hoặc '_' (tối đa 32 ký tự).", $"Procedure code '{input.Code}' may hold only letters, digits, '.', '-' or '_' (at most 32)."));
        if (string.IsNullOrWhiteSpace(input.NameVi))
            problems.Add("nameVi", T("Tên thủ tục là bắt buộc.", "The procedure's name is required."));
        else if (input.NameVi.Trim().Length > 1000)
            problems.Add("nameVi", T("Tên tối đa 1000 ký tự.", "The name may have at most 1000 characters."));
        if (input.NameEn is { } en && en.Trim().Length > 1000)
            problems.Add("nameEn", T("Tên tối đa 1000 ký tự.", "The name may have at most 1000 characters."));
        if (string.IsNullOrWhiteSpace(input.Sector))
            problems.Add("sector", T("Lĩnh vực là bắt buộc.", "The sector is required."));
        else if (input.Sector.Trim().Length > 256)
            problems.Add("sector", T("Lĩnh vực tối đa 256 ký tự.", "The sector may have at most 256 characters."));
        if (input.Level is null || !Enum.IsDefined(input.Level.Value))
            problems.Add("level", T("Hãy chọn cấp thực hiện (Trung ương, Tỉnh, Huyện, Xã).", "Choose the level (Central, Province, District, Commune)."));
        if (input.ProcessingUnit is null || !Enum.IsDefined(input.ProcessingUnit.Value))
            problems.Add("processingUnit", T("Hãy chọn đơn vị thời hạn (ngày làm việc, ngày, giờ làm việc).", "Choose the unit of the processing time (working days, calendar days, office hours)."));
        if (!Enum.IsDefined(input.OnlineLevel))
            problems.Add("onlineLevel", T("Mức độ trực tuyến không hợp lệ.", "Unknown online service level."));
        if (input.ProcessingTime is not { } time)
            problems.Add("processingTime", T("Hãy nhập thời hạn giải quyết (0 là trong ngày).", "Give the processing time (0 means the same day)."));
        else if (time < 0)
            problems.Add("processingTime", T("Thời hạn giải quyết không được âm.", "The processing time cannot be negative."));
        else if (time > MaxProcessingTime)
            problems.Add("processingTime", T($"Thời hạn giải quyết tối đa {Number(MaxProcessingTime, 0)}.", $"The processing time may be at most {Number(MaxProcessingTime, 0)}."));
        else if (time != decimal.Truncate(time))
            problems.Add("processingTime", input.ProcessingUnit == DeadlineUnit.Hours
                ? T($"Thời hạn {Number(time)} giờ: hãy nhập số giờ làm việc nguyên (nửa ngày làm việc là 4 giờ).", $"{Number(time)} hours: give whole office hours (half a working day is 4 hours).")
                : T($"Thời hạn {Number(time)} ngày: thời hạn tính theo ngày phải là số nguyên; thời hạn nửa ngày hãy nhập 4 giờ làm việc.", $"{Number(time)} days: a period in days must be a whole number; enter half a day as 4 office hours."));
        return problems;
    }

    /// <summary>Creates the procedure, or updates the one with the same code. Audited when anything changed.</summary>
    public async Task<Outcome<Procedure>> SaveAsync(ProcedureInput input, string actor, CancellationToken cancellationToken = default)
    {
        var problems = Validate(input);
        if (problems.Any)
            return problems;
        var procedure = await UpsertAsync(input, actor, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Procedure>.Ok(procedure);
    }

    /// <summary>Stages a create or update (and its audit entry) of a validated input without saving; the caller saves once for many rows.</summary>
    internal async Task<Procedure> UpsertAsync(ProcedureInput input, string actor, CancellationToken cancellationToken)
    {
        var code = input.Code.Trim();
        var procedure = db.Procedures.Local.FirstOrDefault(p => p.Code == code)
                        ?? await db.Procedures.FirstOrDefaultAsync(p => p.Code == code, cancellationToken);
        var old = procedure is null ? null : AuditLog.Json(Snapshot(procedure));
        if (procedure is null)
        {
            procedure = new Procedure { Code = code, NameVi = input.NameVi, Sector = input.Sector };
            db.Procedures.Add(procedure);
        }
        procedure.NameVi = input.NameVi.Trim();
        procedure.NameEn = string.IsNullOrWhiteSpace(input.NameEn) ? null : input.NameEn.Trim();
        procedure.Sector = input.Sector.Trim();
        procedure.Level = input.Level!.Value;
        procedure.ProcessingTime = input.ProcessingTime!.Value;
        procedure.ProcessingUnit = input.ProcessingUnit!.Value;
        procedure.AfterCutOffCountsNextDay = input.AfterCutOffCountsNextDay;
        procedure.FeeBearing = input.FeeBearing;
        procedure.OnlineLevel = input.OnlineLevel;
        var updated = AuditLog.Json(Snapshot(procedure));
        if (old != updated)
            audit.Record(actor, old is null ? "procedure.created" : "procedure.updated", "procedure", code, old, updated);
        return procedure;
    }

    private static object Snapshot(Procedure p) => new
    {
        p.Code, p.NameVi, p.NameEn, p.Sector, Level = p.Level.ToString(), ProcessingTime = p.ProcessingTime.ToString("0.######", System.Globalization.CultureInfo.InvariantCulture),
        ProcessingUnit = p.ProcessingUnit.ToString(), p.AfterCutOffCountsNextDay, p.FeeBearing, OnlineLevel = p.OnlineLevel.ToString(),
    };

    [GeneratedRegex("^[A-Za-z0-9._-]{1,32}$")]
    private static partial Regex CodePattern();
}
