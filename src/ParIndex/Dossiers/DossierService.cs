using Microsoft.EntityFrameworkCore;
using ParIndex.Audit;
using ParIndex.Calendar;
using ParIndex.Core.Calendar;
using ParIndex.Core.Dossiers;
using ParIndex.Data;
using ParIndex.Dossiers.Import;
using ParIndex.Web;
using static ParIndex.Web.Text;
using VietnamTime = ParIndex.Core.Calendar.VietnamTime;

namespace ParIndex.Dossiers;

public sealed record DossierEventDto(DossierEventKind Kind, DateTimeOffset At);

public sealed record ApologyDto(DateOnly IssuedOn, string Reason, DateOnly NewAppointment, string? SignedBy, DateTime RecordedAtUtc, string RecordedBy)
{
    public static ApologyDto From(DossierApology a) => new(a.IssuedOn, a.Reason, a.NewAppointment, a.SignedBy, a.RecordedAtUtc, a.RecordedBy);
}

public sealed record ApologyInput(DateOnly? IssuedOn, string? Reason, DateOnly? NewAppointment, string? SignedBy);

/// <summary>A dossier as the administration sees it: the data, the due date with how it was reached, the verdict with why, the apology.</summary>
public sealed record DossierView(
    string Code, string UnitCode, string UnitNameVi, string ProcedureCode, string ProcedureNameVi, string ProcedureDeadlineVi,
    DossierChannel Channel, DateTimeOffset ReceivedAt, DateTimeOffset Due, bool DuePromised, DateTimeOffset EffectiveDue,
    DossierOutcome Outcome, PeriodStatus StatusToday, DossierEventKind? EndKind, DateTimeOffset? EndedAt, int? ProcessingDays,
    IReadOnlyList<DossierEventDto> Events, IReadOnlyList<VerdictLine> Verdict, IReadOnlyList<DeadlineStep>? DeadlineSteps,
    bool ApologyRequired, ApologyDto? Apology, DossierPayment Payment, bool Digitised, bool ElectronicResult, bool EndToEnd,
    DossierRating Rating, int? BatchId)
{
    public DateOnly DueDate => VietnamTime.LocalDate(EffectiveDue);
}

/// <summary>What the public may see of a dossier: its status and due date (no personal data, no content).</summary>
public sealed record DossierLookup(string Code, string StatusVi, string StatusEn, DateOnly DueDate, bool Finished);

/// <summary>A row of the list of late dossiers still missing an apology.</summary>
public sealed record LateDossierRow(string Code, string UnitCode, string UnitNameVi, DateTime ReceivedAtUtc, DateTime DueAtUtc, DateTime? EndedAtUtc, DossierOutcome Outcome);

/// <summary>
/// One dossier at a time: its detail and verdict, events pushed by a one-stop system (merged with the stored ones,
/// deduplicated by kind and instant), the apology letter, and the lists the administration works from.
/// </summary>
public sealed class DossierService(AppDbContext db, WorkingCalendarProvider calendars, AuditLog audit, TimeProvider clock)
{
    private DateOnly Today => VietnamTime.LocalDate(clock.GetUtcNow());

    public async Task<DossierView?> FindAsync(string code, CancellationToken cancellationToken = default)
    {
        var found = await (from x in db.Dossiers.AsNoTracking()
                           join u in db.Units on x.UnitId equals u.Id
                           join p in db.Procedures on x.ProcedureId equals p.Id
                           where x.Code == code
                           select new { Dossier = x, Unit = u, Procedure = p }).FirstOrDefaultAsync(cancellationToken);
        if (found is null)
            return null;
        var apology = await db.DossierApologies.AsNoTracking().FirstOrDefaultAsync(a => a.DossierId == found.Dossier.Id, cancellationToken);
        var calendar = await calendars.GetAsync(cancellationToken);
        var d = found.Dossier;
        var policy = ProcedureDeadlines.PolicyFor(found.Procedure);
        var events = DossierTimeline.Decode(d.Events);
        var received = Utc(d.ReceivedAtUtc);
        var judgement = OnTimeRule.Judge(received, Utc(d.DueAtUtc), policy.Unit, events, calendar);
        var status = OnTimeRule.StatusAt(judgement, received, Today);
        IReadOnlyList<DeadlineStep>? steps = d.DuePromised ? null : calendar.Explain(received, policy).Steps;
        return new DossierView(d.Code, found.Unit.Code, found.Unit.NameVi, found.Procedure.Code, found.Procedure.NameVi, ProcedureDeadlines.DescribeVi(found.Procedure),
            d.Channel, VietnamTime.ToLocal(received), VietnamTime.ToLocal(Utc(d.DueAtUtc)), d.DuePromised, VietnamTime.ToLocal(judgement.EffectiveDue),
            judgement.Outcome, status, judgement.EndKind, judgement.EndedAt, judgement.ProcessingDays,
            events.Select(e => new DossierEventDto(e.Kind, e.At)).ToList(),
            OnTimeRule.Explain(judgement, d.DuePromised, judgement.IsOpen ? Today : null), steps,
            status is PeriodStatus.Late or PeriodStatus.OpenOverdue, apology is null ? null : ApologyDto.From(apology),
            d.Payment, d.Digitised, d.ElectronicResult, d.EndToEnd, d.Rating, d.BatchId);
    }

    /// <summary>The public look-up: status and due date only.</summary>
    public async Task<DossierLookup?> LookUpAsync(string code, CancellationToken cancellationToken = default)
    {
        code = code.Trim();
        if (code.Length is 0 or > DossierRowBuilder.MaxCodeLength)
            return null;
        var d = await db.Dossiers.AsNoTracking().Where(x => x.Code == code)
            .Select(x => new { x.Code, x.DueAtUtc, x.ReceivedAtUtc, x.Events, x.EndKind, x.ProcedureId, x.SupplementRequests, x.PausedDays })
            .FirstOrDefaultAsync(cancellationToken);
        if (d is null)
            return null;
        var procedure = await db.Procedures.AsNoTracking().FirstAsync(p => p.Id == d.ProcedureId, cancellationToken);
        var calendar = await calendars.GetAsync(cancellationToken);
        var events = DossierTimeline.Decode(d.Events);
        var judgement = OnTimeRule.Judge(Utc(d.ReceivedAtUtc), Utc(d.DueAtUtc), ProcedureDeadlines.PolicyFor(procedure).Unit, events, calendar);
        bool returned = events.Any(e => e.Kind == DossierEventKind.ResultReturned);
        var (vi, en) = returned ? ("Đã trả kết quả", "Result returned")
            : judgement.EndKind switch
            {
                DossierEventKind.ProcessingDone => ("Đã giải quyết xong, chờ trả kết quả", "Processed; the result is ready"),
                DossierEventKind.Refused => ("Từ chối giải quyết", "Refused"),
                DossierEventKind.Stopped => ("Dừng xử lý", "Processing stopped"),
                DossierEventKind.Withdrawn => ("Công dân đã rút hồ sơ", "Withdrawn by the applicant"),
                _ when judgement.AwaitingSupplement => ("Chờ bổ sung hồ sơ", "Waiting for documents from the applicant"),
                _ => ("Đang giải quyết", "Being processed"),
            };
        return new DossierLookup(d.Code, vi, en, VietnamTime.LocalDate(judgement.EffectiveDue), judgement.EndKind is not null);
    }

    /// <summary>Adds events a one-stop system pushed (deduplicated with the stored ones by kind and instant) and recomputes the verdict.</summary>
    public async Task<Outcome<DossierView>> AddEventsAsync(string code, IReadOnlyList<DossierEventJson> added, string actor, CancellationToken cancellationToken = default)
    {
        var dossier = await db.Dossiers.FirstOrDefaultAsync(d => d.Code == code, cancellationToken);
        if (dossier is null)
            return Outcome<DossierView>.Missing();
        var problems = new Problems();
        var parsed = new List<DossierEvent>();
        for (int i = 0; i < added.Count; i++)
        {
            var e = added[i];
            if (!Enum.TryParse<DossierEventKind>(e.Kind, ignoreCase: true, out var kind) || !Enum.IsDefined(kind) || int.TryParse(e.Kind, out _))
                problems.Add($"events[{i}].kind", T($"Loại sự kiện '{e.Kind}' không hợp lệ.", $"Unknown event kind '{e.Kind}'."));
            else if (e.At is null || !DossierValues.TryInstant(System.Text.Encoding.UTF8.GetBytes(e.At), out var at, out bool dateOnly) || dateOnly)
                problems.Add($"events[{i}].at", T($"Thời điểm '{e.At}' không hợp lệ (yyyy-MM-ddTHH:mm).", $"'{e.At}' is not a valid instant (yyyy-MM-ddTHH:mm)."));
            else
                parsed.Add(new DossierEvent(kind, at));
        }
        if (added.Count == 0)
            problems.Add("events", T("Không có sự kiện nào.", "No event given."));
        if (problems.Any)
            return problems;
        var procedure = await db.Procedures.AsNoTracking().FirstAsync(p => p.Id == dossier.ProcedureId, cancellationToken);
        var calendar = await calendars.GetAsync(cancellationToken);
        var merged = DossierTimeline.Normalize(DossierTimeline.Decode(dossier.Events).Concat(parsed));
        var received = Utc(dossier.ReceivedAtUtc);
        if (DossierTimeline.Validate(received, merged, clock.GetUtcNow()) is { } found)
        {
            foreach (var problem in found)
                problems.Add(problem.Field, problem.Message(UiLanguage.Current));
            return problems;
        }
        var staged = DossierDerivation.FromEntity(dossier);
        staged.Events = DossierTimeline.Encode(merged);
        DossierDerivation.Derive(ref staged, merged, ProcedureDeadlines.PolicyFor(procedure).Unit, calendar);
        DossierDerivation.CopyDerived(staged, dossier);
        dossier.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<DossierView>.Ok((await FindAsync(code, cancellationToken))!);
    }

    /// <summary>Records (or replaces) the apology of a dossier, audited; the dossier is flagged for the indicators.</summary>
    public async Task<Outcome<ApologyDto>> RecordApologyAsync(string code, ApologyInput input, string actor, CancellationToken cancellationToken = default)
    {
        var dossier = await db.Dossiers.FirstOrDefaultAsync(d => d.Code == code, cancellationToken);
        if (dossier is null)
            return Outcome<ApologyDto>.Missing();
        var problems = await CheckApologyAsync(dossier, input, cancellationToken);
        if (problems is not null)
            return problems;
        var apology = await db.DossierApologies.FirstOrDefaultAsync(a => a.DossierId == dossier.Id, cancellationToken);
        Stage(dossier, apology, input, actor);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<ApologyDto>.Ok(ApologyDto.From(await db.DossierApologies.AsNoTracking().FirstAsync(a => a.DossierId == dossier.Id, cancellationToken)));
    }

    /// <summary>Problems with an apology for this dossier (see <see cref="ApologyRules"/>), or null.</summary>
    internal async Task<Problems?> CheckApologyAsync(Dossier dossier, ApologyInput input, CancellationToken cancellationToken)
    {
        var procedure = await db.Procedures.AsNoTracking().FirstAsync(p => p.Id == dossier.ProcedureId, cancellationToken);
        var calendar = await calendars.GetAsync(cancellationToken);
        var judgement = OnTimeRule.Judge(Utc(dossier.ReceivedAtUtc), Utc(dossier.DueAtUtc), ProcedureDeadlines.PolicyFor(procedure).Unit, DossierTimeline.Decode(dossier.Events), calendar);
        var found = ApologyRules.Validate(input.IssuedOn, input.Reason, input.NewAppointment,
            VietnamTime.LocalDate(Utc(dossier.ReceivedAtUtc)), VietnamTime.LocalDate(judgement.EffectiveDue), Today);
        if (input.SignedBy is { Length: > 256 })
            found.Add(new DossierProblem("signed_by", "Tên người ký dài quá 256 ký tự.", "The signatory is longer than 256 characters."));
        if (found.Count == 0)
            return null;
        var problems = new Problems();
        foreach (var problem in found)
            problems.Add(problem.Field, problem.Message(UiLanguage.Current));
        return problems;
    }

    internal void Stage(Dossier dossier, DossierApology? apology, ApologyInput input, string actor)
    {
        var old = apology is null ? null : Describe(ApologyDto.From(apology));
        if (apology is null)
        {
            apology = new DossierApology { DossierId = dossier.Id, Reason = "", RecordedBy = actor };
            db.DossierApologies.Add(apology);
        }
        apology.IssuedOn = input.IssuedOn!.Value;
        apology.Reason = input.Reason!.Trim();
        apology.NewAppointment = input.NewAppointment!.Value;
        apology.SignedBy = string.IsNullOrWhiteSpace(input.SignedBy) ? null : input.SignedBy.Trim();
        apology.RecordedAtUtc = clock.GetUtcNow().UtcDateTime;
        apology.RecordedBy = actor;
        dossier.HasApology = true;
        var updated = Describe(ApologyDto.From(apology));
        if (old != updated)
            audit.Record(actor, "dossier.apology-recorded", "dossier", dossier.Code, old, updated);
    }

    public async Task<bool> RemoveApologyAsync(string code, string actor, string? reason, CancellationToken cancellationToken = default)
    {
        var dossier = await db.Dossiers.FirstOrDefaultAsync(d => d.Code == code, cancellationToken);
        var apology = dossier is null ? null : await db.DossierApologies.FirstOrDefaultAsync(a => a.DossierId == dossier.Id, cancellationToken);
        if (dossier is null || apology is null)
            return false;
        db.DossierApologies.Remove(apology);
        dossier.HasApology = false;
        audit.Record(actor, "dossier.apology-removed", "dossier", code, Describe(ApologyDto.From(apology)), null, reason);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private static string Describe(ApologyDto a) => AuditLog.Json(new { a.IssuedOn, a.Reason, a.NewAppointment, a.SignedBy });

    /// <summary>
    /// Late dossiers without an apology as of today (ended late, or open past their due date), newest first;
    /// optionally of one unit and received in one period.
    /// </summary>
    public async Task<IReadOnlyList<LateDossierRow>> LateWithoutApologyAsync(string? unitCode, DossierPeriod? period, int limit = 200, CancellationToken cancellationToken = default)
    {
        var today = Today;
        var query = from d in db.Dossiers.AsNoTracking()
                    join u in db.Units on d.UnitId equals u.Id
                    // The first two terms are the partial index's predicate (IX_Dossiers_Unapologised), so both engines use it.
                    where d.Outcome != DossierOutcome.OnTime && !d.HasApology && (d.Outcome == DossierOutcome.Late || d.OverdueFrom <= today)
                    select new { d, u };
        if (unitCode is not null)
            query = query.Where(x => x.u.Code == unitCode);
        if (period is { } p)
        {
            var months = p.MonthKeys();
            query = query.Where(x => months.Contains(x.d.ReceivedMonth));
        }
        return await query.OrderByDescending(x => x.d.ReceivedAtUtc).Take(limit)
            .Select(x => new LateDossierRow(x.d.Code, x.u.Code, x.u.NameVi, x.d.ReceivedAtUtc, x.d.DueAtUtc, x.d.EndedAtUtc, x.d.Outcome))
            .ToListAsync(cancellationToken);
    }

    public Task<List<DossierImportBatch>> BatchesAsync(int limit = 50, CancellationToken cancellationToken = default) =>
        db.DossierImportBatches.AsNoTracking().OrderByDescending(b => b.Id).Take(limit).ToListAsync(cancellationToken);

    public Task<DossierImportBatch?> BatchAsync(int id, CancellationToken cancellationToken = default) =>
        db.DossierImportBatches.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, cancellationToken);

    public Task<List<DossierImportError>> BatchErrorsAsync(int id, int skip = 0, int take = 200, CancellationToken cancellationToken = default) =>
        db.DossierImportErrors.AsNoTracking().Where(e => e.BatchId == id).OrderBy(e => e.RowNumber).ThenBy(e => e.Id).Skip(skip).Take(take).ToListAsync(cancellationToken);

    /// <summary>Every stored error of a batch, streamed (for the CSV report).</summary>
    public IAsyncEnumerable<DossierImportError> AllBatchErrors(int id) =>
        db.DossierImportErrors.AsNoTracking().Where(e => e.BatchId == id).OrderBy(e => e.RowNumber).ThenBy(e => e.Id).AsAsyncEnumerable();

    internal static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
