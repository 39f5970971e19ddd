using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ParIndex.Core.Calendar;
using ParIndex.Units.Pages;
using static ParIndex.Web.Text;

namespace ParIndex.Calendar.Pages;

/// <summary>
/// The public working calendar: a year's days off with reasons (read-only) and a deadline calculator. The calculator is
/// a GET form, so it works without JavaScript and its answer can be bookmarked or shared.
/// </summary>
[AllowAnonymous]
public sealed class PublicCalendarModel(CalendarService calendar, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public bool Weekends { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReceivedAt { get; set; }
    [BindProperty(SupportsGet = true)] public string? Days { get; set; }
    [BindProperty(SupportsGet = true)] public bool CutOff { get; set; }

    /// <summary>Set by the calculator's form, so that submitting it with an empty field reports the field rather than showing nothing.</summary>
    [BindProperty(SupportsGet = true)] public bool Calc { get; set; }

    public FormErrors Errors { get; } = new();
    public CalendarYear? Calendar { get; private set; }
    public DeadlineExplanation? Deadline { get; private set; }
    public int SelectedYear => Year ?? CalendarPageText.CurrentYear(clock);

    /// <summary>Whether the calculator was submitted (a link may prefill the days alone, e.g. from a procedure).</summary>
    public bool Calculating => Calc || ReceivedAt is not null;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var outcome = await calendar.YearAsync(SelectedYear, cancellationToken);
        if (outcome.Succeeded)
            Calendar = outcome.Value;
        else
            Errors.Merge(outcome.Problems);

        if (Calculating)
            await CalculateAsync(cancellationToken);
        else
            ReceivedAt ??= CalendarInput.LocalInputValue(clock.GetUtcNow());
        if (Errors.Any)
            Response.StatusCode = Calendar is null ? StatusCodes.Status404NotFound : StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task CalculateAsync(CancellationToken cancellationToken)
    {
        if (!CalendarInput.TryParseInstant(ReceivedAt, out var receivedAt))
            Errors.Add("receivedAt", string.IsNullOrWhiteSpace(ReceivedAt)
                ? T("Hãy nhập thời điểm tiếp nhận hồ sơ.", "Give the moment the dossier was received.")
                : T($"'{ReceivedAt}' không phải ngày giờ hợp lệ (ví dụ 24/01/2025 16:20).", $"'{ReceivedAt}' is not a date and time (e.g. 24/01/2025 16:20)."));
        if (!int.TryParse(Days, NumberStyles.Integer, CultureInfo.InvariantCulture, out var days))
            Errors.Add("days", T("Số ngày làm việc phải là số nguyên (0 là trả trong ngày).", "The number of working days must be a whole number (0 means the same day)."));
        else if (days < 0)
            Errors.Add("days", T("Số ngày làm việc không được âm.", "The number of working days cannot be negative."));
        if (Errors.Any)
            return;
        var policy = DeadlinePolicy.WorkingDays(days) with { CountsFromNextWorkingDayAfterCutOff = CutOff };
        var outcome = await calendar.ExplainAsync(receivedAt, policy, cancellationToken);
        if (outcome.Succeeded)
            Deadline = outcome.Value;
        else
            foreach (var (field, messages) in outcome.Problems!.ToDictionary())
                foreach (var message in messages)
                    Errors.Add(field == "amount" ? "days" : field, message);
    }
}
