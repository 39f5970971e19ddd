using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ParIndex.Accounts;
using ParIndex.Core.Calendar;
using ParIndex.Units.Pages;
using ParIndex.Web;
using static ParIndex.Web.Text;

namespace ParIndex.Calendar.Pages;

/// <summary>A swapped pair as typed in the form.</summary>
public sealed class SwapRow
{
    public string? DayOff { get; set; }
    public string? WorkedDay { get; set; }
    public string? Reference { get; set; }
    public bool IsBlank => string.IsNullOrWhiteSpace(DayOff) && string.IsNullOrWhiteSpace(WorkedDay) && string.IsNullOrWhiteSpace(Reference);
}

/// <summary>An extra day off as typed in the form.</summary>
public sealed class ExtraRow
{
    public string? Date { get; set; }
    public string? ReasonVi { get; set; }
    public string? ReasonEn { get; set; }
    public string? Reference { get; set; }
    public bool IsBlank => string.IsNullOrWhiteSpace(Date) && string.IsNullOrWhiteSpace(ReasonVi) && string.IsNullOrWhiteSpace(ReasonEn) && string.IsNullOrWhiteSpace(Reference);
}

/// <summary>
/// Administers a year of the working calendar: its days off with reasons, where its notice comes from, and a form to
/// enter or correct the notice (Tết days, the second National Day day, swaps, extra days off) with a reason. The form
/// comes back exactly as typed when it is refused, each problem beside its field.
/// </summary>
[Authorize(Policy = Policies.Administrator)]
public sealed partial class CalendarAdminModel(CalendarService calendar, TimeProvider clock) : PageModel
{
    /// <summary>Blank rows offered beyond the filled ones, so that a swap or a day off can be added without JavaScript.</summary>
    public const int BlankRows = 2;

    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public bool Weekends { get; set; }

    [BindProperty] public List<string?> TetDays { get; set; } = [];
    [BindProperty] public string? NationalDaySecondDay { get; set; }
    [BindProperty] public List<SwapRow> Swaps { get; set; } = [];
    [BindProperty] public List<ExtraRow> Extras { get; set; } = [];
    [BindProperty] public string? Reference { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? DeleteReason { get; set; }

    [TempData] public string? Message { get; set; }
    [TempData] public string? Warning { get; set; }

    public FormErrors Errors { get; } = new();
    public FormErrors DeleteErrors { get; } = new();
    public CalendarYear? Calendar { get; private set; }
    public int SelectedYear => Year ?? CalendarPageText.CurrentYear(clock);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
            return Page();
        Fill(Calendar!.Notice);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var year = SelectedYear;
        var input = ReadForm(year);
        if (!Errors.Any)
        {
            var saved = await calendar.SaveNoticeAsync(year, input, Actor.Of(User), cancellationToken);
            if (saved.Succeeded)
            {
                var change = saved.Value!;
                Message = change.Unchanged
                    ? T($"Thông báo năm {year} không thay đổi.", $"The {year} notice is unchanged.")
                    : T($"Đã lưu thông báo năm {year}. {change.Change.ChangedDays.Count} ngày đổi trạng thái làm việc; các hạn trả hồ sơ liên quan được tính lại.",
                        $"The {year} notice is saved. {change.Change.ChangedDays.Count} day(s) changed between working and off; the deadlines that depend on them are recomputed.");
                Warning = Failures(change.ListenerFailures, year);
                return LocalRedirect($"{CalendarPageText.AdminPath}?year={year}");
            }
            Errors.Merge(Renumber(saved.Problems));
        }
        await LoadAsync(cancellationToken);
        PadRows();
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken cancellationToken)
    {
        var year = SelectedYear;
        var deleted = await calendar.DeleteNoticeAsync(year, DeleteReason, Actor.Of(User), cancellationToken);
        if (deleted.Succeeded)
        {
            Message = T($"Đã xóa thông báo đã nhập của năm {year}; năm {year} dùng lại: {CalendarLabels.StatusVi(deleted.Value!.Calendar.Status).ToLowerInvariant()}.",
                $"The entered {year} notice is deleted; {year} is back to: {CalendarLabels.StatusEn(deleted.Value!.Calendar.Status).ToLowerInvariant()}.");
            Warning = Failures(deleted.Value.ListenerFailures, year);
            return LocalRedirect($"{CalendarPageText.AdminPath}?year={year}");
        }
        if (deleted.NotFound)
            DeleteErrors.Add("reason", T($"Năm {year} không có thông báo đã nhập.", $"{year} has no entered notice."));
        DeleteErrors.Merge(deleted.Problems);
        if (await LoadAsync(cancellationToken))
            Fill(Calendar!.Notice);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private static string? Failures(IReadOnlyList<string> failures, int year) => failures.Count == 0
        ? null
        : T($"Việc tính lại hạn trả chưa xong: {string.Join("; ", failures)}. Chạy lại bằng lệnh: parindex calendar recompute --year {year}.",
            $"Recomputing deadlines did not finish: {string.Join("; ", failures)}. Run it again with: parindex calendar recompute --year {year}.");

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var outcome = await calendar.YearAsync(SelectedYear, cancellationToken);
        if (!outcome.Succeeded)
        {
            Errors.Merge(outcome.Problems);
            Response.StatusCode = StatusCodes.Status404NotFound;
            return false;
        }
        Calendar = outcome.Value;
        return true;
    }

    private void Fill(YearNotice notice)
    {
        TetDays = [.. notice.TetDays.Select(d => (string?)CalendarPageText.InputDate(d))];
        NationalDaySecondDay = CalendarPageText.InputDate(notice.NationalDaySecondDay);
        Swaps = [.. notice.Swaps.Select(s => new SwapRow { DayOff = CalendarPageText.InputDate(s.DayOff), WorkedDay = CalendarPageText.InputDate(s.WorkedDay), Reference = s.Reference })];
        Extras = [.. notice.ExtraDaysOff.Select(e => new ExtraRow { Date = CalendarPageText.InputDate(e.Date), ReasonVi = e.ReasonVi, ReasonEn = e.ReasonEn == e.ReasonVi ? null : e.ReasonEn, Reference = e.Reference })];
        Reference = notice.Reference;
        Note = notice.Derived ? null : notice.Note;
        PadRows();
    }

    private void PadRows()
    {
        while (TetDays.Count < 5)
            TetDays.Add(null);
        var swaps = Swaps.Where(s => !s.IsBlank).Count();
        while (Swaps.Count < swaps + BlankRows)
            Swaps.Add(new SwapRow());
        var extras = Extras.Where(e => !e.IsBlank).Count();
        while (Extras.Count < extras + BlankRows)
            Extras.Add(new ExtraRow());
    }

    // Form row of each swap and extra day sent to the service: blank rows are skipped, so the service's indexes
    // are mapped back to the rows the administrator sees.
    private readonly List<int> swapRows = [];
    private readonly List<int> extraRows = [];

    private NoticeInput ReadForm(int year)
    {
        var tetDays = new List<DateOnly>();
        for (var i = 0; i < TetDays.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(TetDays[i]))
                continue;
            if (CalendarPageText.ParseDate(TetDays[i]) is { } day)
                tetDays.Add(day);
            else
                Errors.Add($"tetDays[{i}]", T($"'{TetDays[i]}' không phải ngày hợp lệ.", $"'{TetDays[i]}' is not a date."));
        }
        DateOnly? secondDay = null;
        if (!string.IsNullOrWhiteSpace(NationalDaySecondDay))
        {
            secondDay = CalendarPageText.ParseDate(NationalDaySecondDay);
            if (secondDay is null)
                Errors.Add("nationalDaySecondDay", T($"'{NationalDaySecondDay}' không phải ngày hợp lệ.", $"'{NationalDaySecondDay}' is not a date."));
        }
        var swaps = new List<DaySwap>();
        for (var i = 0; i < Swaps.Count; i++)
        {
            var row = Swaps[i];
            if (row.IsBlank)
                continue;
            var off = CalendarPageText.ParseDate(row.DayOff);
            var worked = CalendarPageText.ParseDate(row.WorkedDay);
            if (off is null)
                Errors.Add($"swaps[{i}].dayOff", T("Hãy nhập ngày nghỉ (ngày trong tuần).", "Give the day off (a weekday)."));
            if (worked is null)
                Errors.Add($"swaps[{i}].workedDay", T("Hãy nhập ngày làm bù (thứ Bảy hoặc Chủ nhật).", "Give the day worked instead (a Saturday or Sunday)."));
            if (off is not null && worked is not null)
            {
                swaps.Add(new DaySwap(off.Value, worked.Value, row.Reference));
                swapRows.Add(i);
            }
        }
        var extras = new List<ExtraDayOff>();
        for (var i = 0; i < Extras.Count; i++)
        {
            var row = Extras[i];
            if (row.IsBlank)
                continue;
            var date = CalendarPageText.ParseDate(row.Date);
            if (date is null)
                Errors.Add($"extraDaysOff[{i}].date", T("Hãy nhập ngày nghỉ.", "Give the date of the day off."));
            else
            {
                extras.Add(new ExtraDayOff(date.Value, row.ReasonVi ?? "", row.ReasonEn ?? "", row.Reference));
                extraRows.Add(i);
            }
        }
        return new NoticeInput
        {
            Year = year,
            TetDays = tetDays,
            NationalDaySecondDay = secondDay,
            Swaps = swaps,
            ExtraDaysOff = extras,
            Reference = Reference,
            Note = Note,
            Reason = Reason,
        };
    }

    private Problems? Renumber(Problems? problems)
    {
        if (problems is null)
            return null;
        var renumbered = new Problems();
        foreach (var (field, messages) in problems.ToDictionary())
        {
            var match = IndexedField().Match(field);
            var key = field;
            if (match.Success)
            {
                var rows = match.Groups[1].Value == "swaps" ? swapRows : extraRows;
                var index = int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
                if (index < rows.Count)
                    key = $"{match.Groups[1].Value}[{rows[index]}]{match.Groups[3].Value}";
            }
            foreach (var message in messages)
                renumbered.Add(key, message);
        }
        return renumbered;
    }

    [GeneratedRegex(@"^(swaps|extraDaysOff)\[(\d+)\](.*)$")]
    private static partial Regex IndexedField();
}
