using Microsoft.EntityFrameworkCore;
using ParIndex.Audit;
using ParIndex.Calendar;
using ParIndex.Core.Calendar;
using ParIndex.Core.Dossiers;
using ParIndex.Data;
using ParIndex.Dossiers.Import;

namespace ParIndex.Dossiers;

public sealed record RecomputeResult(int Year, long Checked, long Changed, long VerdictsChanged);

/// <summary>
/// When a year's calendar notice changes, recomputes what the old calendar decided for the dossiers it can touch
/// (DOMAIN.md §7, ADR 0005): computed due dates (a promised date stays as promised), the supplement pause, the
/// verdict, the overdue day and the processing days. Only dossiers whose receipt-to-end span (or receipt-to-due
/// span, or still-open span) contains a changed day are read, in pages of 5,000 by id; only changed rows are
/// written; one audit entry tells how many.
/// </summary>
public sealed class DossierRecalculation(AppDbContext db, WorkingCalendarProvider calendars, AuditLog audit, ILogger<DossierRecalculation> logger) : ICalendarChangeListener
{
    private const int PageSize = 5_000;

    public Task OnNoticeChangedAsync(int year, string actor, CancellationToken cancellationToken) =>
        RecomputeAsync(new CalendarChange(year, actor, null, [], Recompute: true), cancellationToken);

    public Task OnNoticeChangedAsync(CalendarChange change, CancellationToken cancellationToken) => RecomputeAsync(change, cancellationToken);

    public async Task<RecomputeResult> RecomputeAsync(CalendarChange change, CancellationToken cancellationToken = default)
    {
        if (!change.Recompute && change.ChangedDays.Count == 0)
            return new RecomputeResult(change.Year, 0, 0, 0);
        // The days whose status changed: given, or the notice's year and the years either side for a requested recompute.
        var first = change.FirstChangedDay ?? new DateOnly(change.Year - 1, 1, 1);
        var last = change.LastChangedDay ?? new DateOnly(change.Year + 1, 12, 31);
        var from = VietnamTime.At(first, TimeOnly.MinValue).UtcDateTime;
        var until = VietnamTime.At(last.AddDays(1), TimeOnly.MinValue).UtcDateTime;

        var calendar = await calendars.GetAsync(cancellationToken);
        var policies = (await db.Procedures.AsNoTracking().ToListAsync(cancellationToken)).ToDictionary(p => p.Id, ProcedureDeadlines.PolicyFor);
        long lastId = 0, checkedCount = 0, changed = 0, verdicts = 0;
        while (true)
        {
            var page = await db.Dossiers
                .Where(d => d.Id > lastId && d.ReceivedAtUtc < until && (d.DueAtUtc >= from || d.EndedAtUtc == null || d.EndedAtUtc >= from))
                .OrderBy(d => d.Id).Take(PageSize).ToListAsync(cancellationToken);
            if (page.Count == 0)
                break;
            foreach (var dossier in page)
            {
                checkedCount++;
                var received = DossierService.Utc(dossier.ReceivedAtUtc);
                var receivedOn = VietnamTime.LocalDate(received);
                var endOn = dossier.EndedAtUtc is { } e ? VietnamTime.LocalDate(DossierService.Utc(e)) : last;
                var dueOn = VietnamTime.LocalDate(DossierService.Utc(dossier.DueAtUtc));
                if (!change.Recompute && !change.CanMove(receivedOn, endOn > dueOn ? endOn : dueOn))
                    continue;
                var policy = policies[dossier.ProcedureId];
                var staged = DossierDerivation.FromEntity(dossier);
                if (!dossier.DuePromised)
                    staged.DueAtUtc = calendar.ComputeDue(received, policy).UtcDateTime;
                var events = DossierTimeline.Decode(dossier.Events);
                DossierDerivation.Derive(ref staged, events, policy.Unit, calendar);
                var before = (dossier.DueAtUtc, dossier.Outcome, dossier.OverdueFrom, dossier.PausedDays, dossier.ProcessingDays);
                var after = (staged.DueAtUtc, staged.Outcome, staged.OverdueFrom, staged.PausedDays, staged.ProcessingDays);
                if (before == after)
                    continue;
                changed++;
                if (dossier.Outcome != staged.Outcome)
                    verdicts++;
                DossierDerivation.CopyDerived(staged, dossier);
            }
            lastId = page[^1].Id;
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
        audit.Record(change.Actor, "dossiers.deadlines-recomputed", "calendar", change.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), null,
            AuditLog.Json(new { @checked = checkedCount, changed, verdictsChanged = verdicts }), change.Reason);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Calendar {Year}: {Checked} dossiers checked, {Changed} recomputed, {Verdicts} verdicts changed", change.Year, checkedCount, changed, verdicts);
        return new RecomputeResult(change.Year, checkedCount, changed, verdicts);
    }
}
