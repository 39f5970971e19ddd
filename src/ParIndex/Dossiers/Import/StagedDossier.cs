using ParIndex.Core.Calendar;
using ParIndex.Core.Dossiers;

namespace ParIndex.Dossiers.Import;

/// <summary>A dossier row ready to be written: the input checked, the due date and the 766 verdict computed.</summary>
internal struct StagedDossier
{
    public long RowNumber;
    public string Code;
    public int UnitId;
    public int ProcedureId;
    public DossierChannel Channel;
    public DateTime ReceivedAtUtc;
    public int ReceivedMonth;
    public DateTime DueAtUtc;
    public bool DuePromised;
    public DateTime? EndedAtUtc;
    public DossierEventKind? EndKind;
    public int? EndMonth;
    public short? OpenSpan;
    public DossierOutcome Outcome;
    public DateOnly? OverdueFrom;
    public short SupplementRequests;
    public short PausedDays;
    public short? ProcessingDays;
    public DossierPayment Payment;
    public bool Digitised;
    public bool ElectronicResult;
    public bool EndToEnd;
    public DossierRating Rating;
    public string Events;

    public readonly Dossier ToEntity() => new()
    {
        Code = Code, UnitId = UnitId, ProcedureId = ProcedureId, Channel = Channel, ReceivedAtUtc = ReceivedAtUtc, ReceivedMonth = ReceivedMonth,
        DueAtUtc = DueAtUtc, DuePromised = DuePromised, EndedAtUtc = EndedAtUtc, EndKind = EndKind, EndMonth = EndMonth, OpenSpan = OpenSpan,
        Outcome = Outcome, OverdueFrom = OverdueFrom, SupplementRequests = SupplementRequests, PausedDays = PausedDays, ProcessingDays = ProcessingDays,
        Payment = Payment, Digitised = Digitised, ElectronicResult = ElectronicResult, EndToEnd = EndToEnd, Rating = Rating, Events = Events,
    };
}

/// <summary>
/// The columns computed from a dossier's receipt, due date and timeline (<see cref="OnTimeRule.Judge"/>): one place
/// for the importer, the single-dossier API and the recomputation after a calendar change.
/// </summary>
internal static class DossierDerivation
{
    public static void Derive(ref StagedDossier d, ReadOnlySpan<DossierEvent> events, DeadlineUnit unit, WorkingCalendar calendar)
    {
        var received = new DateTimeOffset(d.ReceivedAtUtc, TimeSpan.Zero);
        var due = new DateTimeOffset(d.DueAtUtc, TimeSpan.Zero);
        var j = OnTimeRule.Judge(received, due, unit, events, calendar);
        d.ReceivedMonth = DossierPeriod.MonthKeyOf(VietnamTime.LocalDate(received));
        d.Outcome = j.Outcome;
        d.EndKind = j.EndKind;
        d.EndedAtUtc = j.EndedAt?.UtcDateTime;
        d.EndMonth = j.EndedAt is { } end ? DossierPeriod.MonthKeyOf(VietnamTime.LocalDate(end)) : null;
        if (d.EndMonth is { } endMonth)
        {
            int span = DossierPeriod.MonthsBetween(d.ReceivedMonth, endMonth);
            d.OpenSpan = span <= 0 ? null : (short)Math.Min(span, Dossier.OpenNow - 1);
        }
        else
            d.OpenSpan = Dossier.OpenNow;
        d.OverdueFrom = j.OverdueFrom;
        d.SupplementRequests = (short)Math.Min(j.SupplementRequests, short.MaxValue);
        d.PausedDays = (short)Math.Clamp(j.PausedDays, 0, short.MaxValue);
        d.ProcessingDays = j.ProcessingDays is { } days ? (short)Math.Clamp(days, 0, short.MaxValue) : null;
    }

    /// <summary>Applies the derived columns of <paramref name="staged"/> to a tracked entity.</summary>
    public static void CopyDerived(in StagedDossier staged, Dossier entity)
    {
        entity.ReceivedMonth = staged.ReceivedMonth;
        entity.DueAtUtc = staged.DueAtUtc;
        entity.Outcome = staged.Outcome;
        entity.EndKind = staged.EndKind;
        entity.EndedAtUtc = staged.EndedAtUtc;
        entity.EndMonth = staged.EndMonth;
        entity.OpenSpan = staged.OpenSpan;
        entity.OverdueFrom = staged.OverdueFrom;
        entity.SupplementRequests = staged.SupplementRequests;
        entity.PausedDays = staged.PausedDays;
        entity.ProcessingDays = staged.ProcessingDays;
        entity.Events = staged.Events;
    }

    public static StagedDossier FromEntity(Dossier d) => new()
    {
        Code = d.Code, UnitId = d.UnitId, ProcedureId = d.ProcedureId, Channel = d.Channel, ReceivedAtUtc = d.ReceivedAtUtc, ReceivedMonth = d.ReceivedMonth,
        DueAtUtc = d.DueAtUtc, DuePromised = d.DuePromised, EndedAtUtc = d.EndedAtUtc, EndKind = d.EndKind, EndMonth = d.EndMonth, OpenSpan = d.OpenSpan,
        Outcome = d.Outcome, OverdueFrom = d.OverdueFrom, SupplementRequests = d.SupplementRequests, PausedDays = d.PausedDays, ProcessingDays = d.ProcessingDays,
        Payment = d.Payment, Digitised = d.Digitised, ElectronicResult = d.ElectronicResult, EndToEnd = d.EndToEnd, Rating = d.Rating, Events = d.Events,
    };
}
