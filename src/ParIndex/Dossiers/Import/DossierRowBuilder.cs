using System.Text;
using ParIndex.Core.Calendar;
using ParIndex.Core.Dossiers;

namespace ParIndex.Dossiers.Import;

/// <summary>The cells of one input dossier as UTF-8, whatever the source (a CSV record, a JSON object, the demo generator).</summary>
internal ref struct RawDossier
{
    public ReadOnlySpan<byte> Code, Unit, Procedure, Channel, ReceivedAt, PromisedAt;
    public ReadOnlySpan<byte> SupplementRequestedAt, SupplementCompletedAt, DoneAt, ReturnedAt, RefusedAt, StoppedAt, WithdrawnAt;
    public ReadOnlySpan<byte> Payment, Digitised, ElectronicResult, EndToEnd, Rating;

    public void Set(DossierColumn column, ReadOnlySpan<byte> value)
    {
        switch (column)
        {
            case DossierColumn.Code: Code = value; break;
            case DossierColumn.Unit: Unit = value; break;
            case DossierColumn.Procedure: Procedure = value; break;
            case DossierColumn.Channel: Channel = value; break;
            case DossierColumn.ReceivedAt: ReceivedAt = value; break;
            case DossierColumn.PromisedAt: PromisedAt = value; break;
            case DossierColumn.SupplementRequestedAt: SupplementRequestedAt = value; break;
            case DossierColumn.SupplementCompletedAt: SupplementCompletedAt = value; break;
            case DossierColumn.DoneAt: DoneAt = value; break;
            case DossierColumn.ReturnedAt: ReturnedAt = value; break;
            case DossierColumn.RefusedAt: RefusedAt = value; break;
            case DossierColumn.StoppedAt: StoppedAt = value; break;
            case DossierColumn.WithdrawnAt: WithdrawnAt = value; break;
            case DossierColumn.Payment: Payment = value; break;
            case DossierColumn.Digitised: Digitised = value; break;
            case DossierColumn.ElectronicResult: ElectronicResult = value; break;
            case DossierColumn.EndToEnd: EndToEnd = value; break;
            case DossierColumn.Rating: Rating = value; break;
        }
    }

    public readonly ReadOnlySpan<byte> Event(DossierEventKind kind) => kind switch
    {
        DossierEventKind.SupplementRequested => SupplementRequestedAt,
        DossierEventKind.SupplementCompleted => SupplementCompletedAt,
        DossierEventKind.ProcessingDone => DoneAt,
        DossierEventKind.ResultReturned => ReturnedAt,
        DossierEventKind.Refused => RefusedAt,
        DossierEventKind.Stopped => StoppedAt,
        _ => WithdrawnAt,
    };
}

/// <summary>A problem with one input row: row number, column (canonical English name), the code when known, and the reason in both languages.</summary>
internal readonly record struct RowIssue(long Row, string? Column, string? Code, string Vi, string En, bool RejectsRow = true);

/// <summary>
/// Checks one input dossier and computes what is stored (ADR 0006, docs/dossiers.md §4): required fields, known unit
/// (in existence on the day of receipt) and procedure, well-formed values, events in order; the due date from the
/// promise or from the procedure (<see cref="WorkingCalendar.ComputeDue"/>); the 766 verdict. One instance per
/// import; not thread-safe (it reuses an event buffer).
/// </summary>
internal sealed class DossierRowBuilder(DossierReferenceData references, WorkingCalendar calendar, DateTimeOffset now, string? onlyUnit = null)
{
    public const int MaxCodeLength = 64;
    public const int MaxEvents = 64;

    private readonly DossierEvent[] events = new DossierEvent[MaxEvents];

    public DossierReferenceData References => references;

    public bool TryBuild(scoped in RawDossier raw, long row, out StagedDossier staged, List<RowIssue> issues)
    {
        staged = default;
        int before = issues.Count;
        string? code = null;
        void Issue(DossierColumn column, string vi, string en) => issues.Add(new RowIssue(row, DossierColumns.NameOf(column), code, vi, en));

        var codeBytes = DossierValues.Trim(raw.Code);
        if (codeBytes.IsEmpty)
            Issue(DossierColumn.Code, "Thiếu mã hồ sơ.", "The dossier code is missing.");
        else if (codeBytes.Length > MaxCodeLength)
            Issue(DossierColumn.Code, $"Mã hồ sơ dài quá {MaxCodeLength} ký tự.", $"The dossier code is longer than {MaxCodeLength} characters.");
        else
        {
            code = Encoding.UTF8.GetString(codeBytes);
            foreach (var c in code)
                if (char.IsControl(c))
                {
                    Issue(DossierColumn.Code, "Mã hồ sơ có ký tự điều khiển.", "The dossier code contains a control character.");
                    break;
                }
        }

        var unit = (DossierReferenceData.UnitRef?)Lookup(raw.Unit, DossierColumn.Unit, issues, row, code);
        var procedure = (DossierReferenceData.ProcedureRef?)Lookup(raw.Procedure, DossierColumn.Procedure, issues, row, code);
        if (unit is not null && onlyUnit is not null && !string.Equals(unit.Code, onlyUnit, StringComparison.OrdinalIgnoreCase))
            Issue(DossierColumn.Unit, $"Mã truy cập chỉ được gửi hồ sơ của đơn vị {onlyUnit}, không phải {unit.Code}.", $"The API token may only send dossiers of unit {onlyUnit}, not {unit.Code}.");

        DossierChannel channel = default;
        if (DossierValues.IsBlank(raw.Channel))
            Issue(DossierColumn.Channel, "Thiếu kênh tiếp nhận (truc_tiep, truc_tuyen, buu_chinh).", "The channel is missing (InPerson, Online, Postal).");
        else if (!DossierValues.TryChannel(raw.Channel, out channel))
            Issue(DossierColumn.Channel, $"Kênh tiếp nhận '{Show(raw.Channel)}' không hợp lệ (truc_tiep, truc_tuyen, buu_chinh).", $"Unknown channel '{Show(raw.Channel)}' (InPerson, Online, Postal).");

        DateTimeOffset received = default;
        bool receivedOk = false;
        if (DossierValues.IsBlank(raw.ReceivedAt))
            Issue(DossierColumn.ReceivedAt, "Thiếu ngày tiếp nhận.", "The receipt time is missing.");
        else if (!DossierValues.TryInstant(raw.ReceivedAt, out received, out bool dateOnly))
            Issue(DossierColumn.ReceivedAt, $"Ngày tiếp nhận '{Show(raw.ReceivedAt)}' không đúng dạng (dd/MM/yyyy HH:mm hoặc yyyy-MM-dd HH:mm).", $"The receipt time '{Show(raw.ReceivedAt)}' is malformed (dd/MM/yyyy HH:mm or yyyy-MM-dd HH:mm).");
        else if (dateOnly)
            Issue(DossierColumn.ReceivedAt, $"Ngày tiếp nhận '{Show(raw.ReceivedAt)}' thiếu giờ: giờ nhận quyết định hạn trả.", $"The receipt time '{Show(raw.ReceivedAt)}' has no time of day, which the deadline depends on.");
        else if (VietnamTime.LocalDate(received) is var day && (day.Year < calendar.FirstYear || day.Year >= calendar.LastYear))
            Issue(DossierColumn.ReceivedAt, $"Năm tiếp nhận {day.Year} nằm ngoài lịch làm việc ({calendar.FirstYear}–{calendar.LastYear - 1}).", $"The receipt year {day.Year} is outside the working calendar ({calendar.FirstYear}–{calendar.LastYear - 1}).");
        else
        {
            received = DossierTimeline.ToStoredPrecision(received);
            receivedOk = true;
            if (unit is not null && (unit.ValidFrom > day || unit.ValidTo < day))
                Issue(DossierColumn.Unit, $"Đơn vị {unit.Code} không hoạt động vào ngày tiếp nhận {DossierText.Date(day)}.", $"Unit {unit.Code} did not exist on the day of receipt, {DossierText.Date(day)}.");
        }

        DateTimeOffset? promised = null;
        if (!DossierValues.IsBlank(raw.PromisedAt))
        {
            if (!DossierValues.TryInstant(raw.PromisedAt, out var p, out bool promisedDateOnly))
                Issue(DossierColumn.PromisedAt, $"Ngày hẹn trả '{Show(raw.PromisedAt)}' không đúng dạng (dd/MM/yyyy).", $"The promised return date '{Show(raw.PromisedAt)}' is malformed (dd/MM/yyyy).");
            else
            {
                var closing = procedure?.Policy.OfficeHours.AfternoonEnd ?? new TimeOnly(17, 0);
                promised = DossierTimeline.ToStoredPrecision(promisedDateOnly ? VietnamTime.At(DateOnly.FromDateTime(p.Date), closing) : p);
                if (receivedOk && VietnamTime.LocalDate(promised.Value) < VietnamTime.LocalDate(received))
                    Issue(DossierColumn.PromisedAt, $"Ngày hẹn trả {DossierText.Date(VietnamTime.LocalDate(promised.Value))} trước ngày tiếp nhận.", $"The promised return date {DossierText.Date(VietnamTime.LocalDate(promised.Value))} is before the receipt.");
            }
        }

        int eventCount = 0;
        foreach (var kind in DossierFields.EventKinds)
        {
            var cell = raw.Event(kind);
            if (DossierValues.IsBlank(cell))
                continue;
            var column = DossierColumns.ForEvent(kind);
            // Several instants of one kind are separated by ';' or '|'.
            while (!cell.IsEmpty)
            {
                int sep = cell.IndexOfAny((byte)';', (byte)'|');
                var part = sep < 0 ? cell : cell[..sep];
                cell = sep < 0 ? default : cell[(sep + 1)..];
                if (DossierValues.IsBlank(part))
                    continue;
                if (!DossierValues.TryInstant(part, out var at, out bool eventDateOnly))
                    Issue(column, $"'{Show(part)}' không phải thời điểm hợp lệ (dd/MM/yyyy HH:mm).", $"'{Show(part)}' is not a valid instant (dd/MM/yyyy HH:mm).");
                else if (eventDateOnly)
                    Issue(column, $"'{Show(part)}' thiếu giờ (cần dd/MM/yyyy HH:mm).", $"'{Show(part)}' has no time of day (dd/MM/yyyy HH:mm is needed).");
                else if (eventCount == MaxEvents)
                {
                    Issue(column, $"Hồ sơ có quá {MaxEvents} sự kiện.", $"The dossier has more than {MaxEvents} events.");
                    break;
                }
                else
                    events[eventCount++] = new DossierEvent(kind, DossierTimeline.ToStoredPrecision(at));
            }
        }

        var payment = DossierPayment.None;
        if (!DossierValues.IsBlank(raw.Payment))
        {
            if (!DossierValues.TryPayment(raw.Payment, out payment))
                Issue(DossierColumn.Payment, $"Thanh toán '{Show(raw.Payment)}' không hợp lệ (truc_tuyen, truc_tiep, khong).", $"Unknown payment '{Show(raw.Payment)}' (Online, Offline, None).");
        }
        else if (procedure is { FeeBearing: true })
            payment = DossierPayment.Offline;

        bool digitised = Flag(raw.Digitised, DossierColumn.Digitised, false, issues, row, code);
        bool electronic = Flag(raw.ElectronicResult, DossierColumn.ElectronicResult, false, issues, row, code);
        bool endToEnd = Flag(raw.EndToEnd, DossierColumn.EndToEnd, channel == DossierChannel.Online && procedure is { OnlineLevel: OnlineLevel.EndToEnd }, issues, row, code);

        var rating = DossierRating.None;
        if (!DossierValues.IsBlank(raw.Rating) && !DossierValues.TryRating(raw.Rating, out rating))
            Issue(DossierColumn.Rating, $"Đánh giá '{Show(raw.Rating)}' không hợp lệ (rat_hai_long, hai_long, khong_hai_long).", $"Unknown rating '{Show(raw.Rating)}' (VerySatisfied, Satisfied, NotSatisfied).");

        if (issues.Count > before)
            return false;

        var timeline = events.AsSpan(0, DossierTimeline.NormalizeInPlace(events.AsSpan(0, eventCount)));
        if (DossierTimeline.Validate(received, timeline, now) is { } timelineProblems)
        {
            foreach (var problem in timelineProblems)
                issues.Add(new RowIssue(row, problem.Field, code, problem.Vi, problem.En));
            return false;
        }

        DateTimeOffset due;
        try
        {
            due = promised ?? calendar.ComputeDue(received, procedure!.Policy);
        }
        catch (ArgumentOutOfRangeException)
        {
            Issue(DossierColumn.ReceivedAt, "Hạn trả tính ra nằm ngoài lịch làm việc.", "The computed due date falls outside the working calendar.");
            return false;
        }

        staged = new StagedDossier
        {
            RowNumber = row,
            Code = code!,
            UnitId = unit!.Id,
            ProcedureId = procedure!.Id,
            Channel = channel,
            ReceivedAtUtc = received.UtcDateTime,
            DueAtUtc = due.UtcDateTime,
            DuePromised = promised is not null,
            Payment = payment,
            Digitised = digitised,
            ElectronicResult = electronic,
            EndToEnd = endToEnd,
            Rating = rating,
            Events = DossierTimeline.Encode(timeline),
        };
        DossierDerivation.Derive(ref staged, timeline, procedure.Policy.Unit, calendar);
        return true;
    }

    /// <summary>The unit or procedure a code names (decoded on the stack, looked up without a string).</summary>
    private object? Lookup(ReadOnlySpan<byte> cell, DossierColumn column, List<RowIssue> issues, long row, string? code)
    {
        var (vi, en) = column == DossierColumn.Unit ? ("đơn vị", "unit") : ("thủ tục", "procedure");
        var bytes = DossierValues.Trim(cell);
        if (bytes.IsEmpty)
        {
            issues.Add(new RowIssue(row, DossierColumns.NameOf(column), code, $"Thiếu mã {vi}.", $"The {en} code is missing."));
            return null;
        }
        Span<char> chars = stackalloc char[256];
        if (bytes.Length > chars.Length || !Encoding.UTF8.TryGetChars(bytes, chars, out int length))
        {
            issues.Add(new RowIssue(row, DossierColumns.NameOf(column), code, $"Mã {vi} quá dài.", $"The {en} code is too long."));
            return null;
        }
        object? found = column == DossierColumn.Unit ? references.Unit(chars[..length]) : references.Procedure(chars[..length]);
        if (found is null)
            issues.Add(new RowIssue(row, DossierColumns.NameOf(column), code, $"Không có {vi} mã '{Show(bytes)}'.", $"There is no {en} with code '{Show(bytes)}'."));
        return found;
    }

    private static bool Flag(ReadOnlySpan<byte> cell, DossierColumn column, bool whenBlank, List<RowIssue> issues, long row, string? code)
    {
        if (DossierValues.IsBlank(cell))
            return whenBlank;
        if (DossierValues.TryFlag(cell, out bool value))
            return value;
        issues.Add(new RowIssue(row, DossierColumns.NameOf(column), code, $"Giá trị '{Show(cell)}' không hợp lệ (co/khong, 1/0).", $"'{Show(cell)}' is not yes or no (1/0, true/false)."));
        return false;
    }

    /// <summary>A cell as text for a message, shortened.</summary>
    private static string Show(ReadOnlySpan<byte> cell)
    {
        var text = Encoding.UTF8.GetString(DossierValues.Trim(cell));
        return text.Length > 40 ? text[..40] + "…" : text;
    }
}
