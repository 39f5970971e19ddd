namespace ParIndex.Core.Calendar;

public sealed partial class WorkingCalendar
{
    /// <summary>
    /// The same computation as <see cref="ComputeDue"/>, with its reasoning as ordered steps, e.g.
    /// "Nhận lúc 16:20 thứ Sáu 24/01/2025, sau 15:00 → tính từ ngày làm việc tiếp theo",
    /// "Bỏ qua 27/01–31/01/2025: nghỉ Tết Nguyên đán", "Hạn trả: 17:00 thứ Tư 05/02/2025".
    /// </summary>
    public DeadlineExplanation Explain(DateTimeOffset receivedAt, DeadlinePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var r = Resolve(receivedAt, policy);
        var hours = policy.OfficeHours;
        var steps = new List<DeadlineStep>();

        steps.Add(ReceivedStep(r, policy));
        if (r.StartIndex != r.ReceivedIndex || r.StartTime != r.ReceivedTime)
        {
            var start = DateAt(r.StartIndex);
            steps.Add(new(DeadlineStepKind.TreatedAsReceived,
                $"Coi như nhận lúc {CalendarText.Time(r.StartTime)} {CalendarText.DayVi(start)}",
                $"Treated as received at {CalendarText.Time(r.StartTime)} on {CalendarText.DayEn(start)}"));
        }
        steps.Add(PeriodStep(policy));

        switch (policy.Unit)
        {
            case DeadlineUnit.WorkingDays:
                // From the day after arrival, so that the days a late or out-of-hours arrival jumped over are named too.
                AddSkippedAndWorked(steps, r.ReceivedIndex + 1, r.DueIndex);
                if (policy.Amount > 0)
                {
                    var first = DateAt(WorkingDayAt(_prefix[r.StartIndex + 1]));
                    var last = DateAt(r.DueIndex);
                    steps.Add(policy.Amount == 1
                        ? new(DeadlineStepKind.Counted, $"Đếm 1 ngày làm việc: {CalendarText.DayVi(first)}", $"Counted 1 working day: {CalendarText.DayEn(first)}")
                        : new(DeadlineStepKind.Counted,
                            $"Đếm {policy.Amount} ngày làm việc: từ {CalendarText.DayVi(first)} đến {CalendarText.DayVi(last)}",
                            $"Counted {policy.Amount} working days: {CalendarText.DayEn(first)} to {CalendarText.DayEn(last)}"));
                }
                else if (r.DueIndex != r.StartIndex)
                {
                    AddMoved(steps, r.StartIndex, r.DueIndex);
                }
                break;

            case DeadlineUnit.CalendarDays:
                // Days off inside a calendar-day period count; only those the start jumped over are named.
                AddSkippedAndWorked(steps, r.ReceivedIndex + 1, r.StartIndex);
                if (policy.Amount > 0)
                {
                    var nominal = DateAt(r.NominalIndex);
                    steps.Add(new(DeadlineStepKind.Counted,
                        $"Ngày thứ {policy.Amount} sau ngày nhận: {CalendarText.DayVi(nominal)}",
                        $"Day {policy.Amount} after receipt: {CalendarText.DayEn(nominal)}"));
                }
                if (r.DueIndex != r.NominalIndex)
                    AddMoved(steps, r.NominalIndex, r.DueIndex);
                break;

            default:
                AddSkippedAndWorked(steps, r.ReceivedIndex + 1, r.DueIndex);
                var from = DateAt(r.StartIndex);
                steps.Add(new(DeadlineStepKind.Counted,
                    $"Đếm {policy.Amount} giờ làm việc từ {CalendarText.Time(r.StartTime)} {CalendarText.DayVi(from)} (mỗi ngày làm việc {FormatSpanVi(hours.Daily)})",
                    $"Counted {policy.Amount} office hours from {CalendarText.Time(r.StartTime)} on {CalendarText.DayEn(from)} ({FormatSpanEn(hours.Daily)} per working day)"));
                break;
        }

        var due = DateAt(r.DueIndex);
        steps.Add(new(DeadlineStepKind.Due,
            $"Hạn trả: {CalendarText.Time(r.DueTime)} {CalendarText.DayVi(due)}",
            $"Due: {CalendarText.Time(r.DueTime)} on {CalendarText.DayEn(due)}"));
        return new DeadlineExplanation(receivedAt, policy, Instant(r.DueIndex, r.DueTime), steps);
    }

    private DeadlineStep ReceivedStep(Resolution r, DeadlinePolicy policy)
    {
        var date = DateAt(r.ReceivedIndex);
        string vi = $"Nhận lúc {CalendarText.Time(r.ReceivedTime)} {CalendarText.DayVi(date)}";
        string en = $"Received at {CalendarText.Time(r.ReceivedTime)} on {CalendarText.DayEn(date)}";
        if (_offDays[r.ReceivedIndex] is { Kind: not NonWorkingKind.Weekend } off)
        {
            vi += $" (ngày nghỉ: {off.ReasonVi})";
            en += $" (a day off: {off.ReasonEn})";
        }
        switch (r.Shift)
        {
            case StartShift.NextWorkingDay:
                vi += ", ngoài giờ làm việc → tính từ ngày làm việc tiếp theo";
                en += ", outside office hours → counted from the next working day";
                break;
            case StartShift.NextSession:
                vi += $", ngoài giờ làm việc → tính từ {CalendarText.Time(r.StartTime)}";
                en += $", outside office hours → counted from {CalendarText.Time(r.StartTime)}";
                break;
        }
        if (r.AfterCutOff)
        {
            string cutOff = CalendarText.Time(policy.CutOff.Ticks);
            vi += $", sau {cutOff} → tính từ ngày làm việc tiếp theo";
            en += $", after {cutOff} → counted from the next working day";
        }
        return new(DeadlineStepKind.Received, vi, en);
    }

    private static DeadlineStep PeriodStep(DeadlinePolicy policy)
    {
        var h = policy.OfficeHours;
        string sessions = $"{CalendarText.Time(h.MorningStartTicks)}–{CalendarText.Time(h.MorningEndTicks)}, {CalendarText.Time(h.AfternoonStartTicks)}–{CalendarText.Time(h.AfternoonEndTicks)}";
        return (policy.Unit, policy.Amount) switch
        {
            (DeadlineUnit.Hours, _) => new(DeadlineStepKind.Period,
                $"Thời hạn {policy.DescribeVi()}, tính từ thời điểm nhận; giờ làm việc {sessions} (Bộ luật Dân sự 2015, Điều 147)",
                $"Period: {policy.DescribeEn()} from the moment of receipt; office hours {sessions} (Civil Code 2015, art. 147)"),
            (_, 0) => new(DeadlineStepKind.Period,
                "Thời hạn: giải quyết trong ngày nhận",
                "Period: to be completed on the day of receipt"),
            (DeadlineUnit.WorkingDays, _) => new(DeadlineStepKind.Period,
                $"Thời hạn {policy.DescribeVi()}, không tính ngày nhận (Bộ luật Dân sự 2015, Điều 147)",
                $"Period: {policy.DescribeEn()}, not counting the day of receipt (Civil Code 2015, art. 147)"),
            _ => new(DeadlineStepKind.Period,
                $"Thời hạn {policy.DescribeVi()}, không tính ngày nhận; ngày cuối là ngày nghỉ thì chuyển sang ngày làm việc tiếp theo (Bộ luật Dân sự 2015, Điều 147–148)",
                $"Period: {policy.DescribeEn()}, not counting the day of receipt; a last day that is a day off moves to the next working day (Civil Code 2015, art. 147–148)"),
        };
    }

    /// <summary>
    /// One step per run of days off (holidays, make-up, swapped and extra days) between two day indexes,
    /// plain weekends bridging a run but not starting or ending one; and one per worked weekend day.
    /// </summary>
    private void AddSkippedAndWorked(List<DeadlineStep> steps, int from, int to)
    {
        int runStart = -1, runEnd = -1;
        var reasonsVi = new List<string>();
        var reasonsEn = new List<string>();
        for (int i = from; i <= to + 1; i++)
        {
            var off = i <= to ? _offDays[i] : null;
            if (off is { Kind: NonWorkingKind.Weekend })
                continue;
            if (off is null)
            {
                if (runStart >= 0)
                {
                    var first = DateAt(runStart);
                    var last = DateAt(runEnd);
                    string days = first == last ? CalendarText.DayVi(first) : CalendarText.Range(first, last);
                    steps.Add(new(DeadlineStepKind.Skipped,
                        $"Bỏ qua {days}: {string.Join("; ", reasonsVi)}",
                        $"Skipped {(first == last ? CalendarText.DayEn(first) : CalendarText.Range(first, last))}: {string.Join("; ", reasonsEn)}"));
                    runStart = -1;
                    reasonsVi.Clear();
                    reasonsEn.Clear();
                }
                if (i <= to && _workedWeekendDays.TryGetValue(DateAt(i), out var worked))
                    steps.Add(new(DeadlineStepKind.WorkedWeekendDay,
                        $"Tính {CalendarText.DayVi(worked.Date)} là ngày làm việc ({FirstLower(worked.ReasonVi)})",
                        $"Counted {CalendarText.DayEn(worked.Date)} as a working day ({FirstLower(worked.ReasonEn)})"));
                continue;
            }
            if (runStart < 0)
                runStart = i;
            runEnd = i;
            var (vi, en) = RunLabel(off);
            if (!reasonsVi.Contains(vi))
            {
                reasonsVi.Add(vi);
                reasonsEn.Add(en);
            }
        }
    }

    private static (string Vi, string En) RunLabel(NonWorkingDay day) => day.Kind switch
    {
        NonWorkingKind.Holiday or NonWorkingKind.MakeUpDay =>
            ($"nghỉ {OccasionText.NameVi(day.Occasion)}", $"{OccasionText.NameEn(day.Occasion)} holiday"),
        _ => (FirstLower(day.ReasonVi), FirstLower(day.ReasonEn)),
    };

    private void AddMoved(List<DeadlineStep> steps, int from, int to)
    {
        var day = DateAt(from);
        var next = DateAt(to);
        var off = _offDays[from]!;
        steps.Add(new(DeadlineStepKind.MovedToNextWorkingDay,
            $"Ngày cuối, {CalendarText.DayVi(day)}, là ngày nghỉ ({off.ReasonVi}) → chuyển sang ngày làm việc tiếp theo: {CalendarText.DayVi(next)}",
            $"The last day, {CalendarText.DayEn(day)}, is a day off ({off.ReasonEn}) → moved to the next working day: {CalendarText.DayEn(next)}"));
    }

    private static string FirstLower(string text) =>
        text.Length == 0 ? text : char.ToLowerInvariant(text[0]) + text[1..];

    private static string FormatSpanVi(TimeSpan span) =>
        span.Minutes == 0 ? $"{(int)span.TotalHours} giờ" : $"{(int)span.TotalHours} giờ {span.Minutes} phút";

    private static string FormatSpanEn(TimeSpan span) =>
        span.Minutes == 0 ? $"{(int)span.TotalHours} h" : $"{(int)span.TotalHours} h {span.Minutes} min";
}
