using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ParIndex.Accounts;
using ParIndex.Units.Pages;
using ParIndex.Web;
using static ParIndex.Web.Text;

namespace ParIndex.Campaign.Pages;

/// <summary>
/// A year's campaign for the administrator: each phase with its dates and state, a form to set the dates and buttons
/// to open and close it, each with a reason (required to reopen and to move the dates of an opened phase). A refused
/// form comes back as typed, with the problem beside its field.
/// </summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class CampaignAdminModel(PhaseService phases, ReminderService reminders) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Year { get; set; }

    [BindProperty] public string? Phase { get; set; }
    [BindProperty] public string? OpensOn { get; set; }
    [BindProperty] public string? ClosesOn { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public Guid? Stamp { get; set; }

    [TempData] public string? Message { get; set; }

    public IReadOnlyList<PhaseView> Phases { get; private set; } = [];

    /// <summary>The phase whose form was refused, and the form that was (dates or action).</summary>
    public CampaignPhaseKind? ErrorPhase { get; private set; }
    public string? ErrorForm { get; private set; }
    public FormErrors Errors { get; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var listed = await phases.ListAsync(Year, cancellationToken);
        if (!listed.Succeeded)
            return NotFound();
        Phases = listed.Value!;
        return Page();
    }

    public Task<IActionResult> OnPostDatesAsync(CancellationToken cancellationToken) => ActAsync("dates", (kind, ct) =>
    {
        var opens = CampaignPageText.ParseDate(OpensOn);
        var closes = CampaignPageText.ParseDate(ClosesOn);
        if (!string.IsNullOrWhiteSpace(OpensOn) && opens is null)
            Errors.Add("opensOn", T($"'{OpensOn}' không phải ngày hợp lệ (dd/MM/yyyy).", $"'{OpensOn}' is not a date (dd/MM/yyyy)."));
        if (!string.IsNullOrWhiteSpace(ClosesOn) && closes is null)
            Errors.Add("closesOn", T($"'{ClosesOn}' không phải ngày hợp lệ (dd/MM/yyyy).", $"'{ClosesOn}' is not a date (dd/MM/yyyy)."));
        if (Errors.Any)
            return Task.FromResult<Outcome<PhaseView>>(new Problems());
        return phases.SetDatesAsync(Year, kind, new PhaseDatesInput { OpensOn = opens, ClosesOn = closes, Reason = Reason, Stamp = Stamp }, Actor.Of(User), ct);
    }, view => T($"Đã lưu ngày của giai đoạn {PhaseLabels.NameVi(view.Kind)}: {Date(view.OpensOn)} – {Date(view.ClosesOn)}.",
        $"The dates of the {PhaseLabels.NameEn(view.Kind)} phase are saved: {Date(view.OpensOn)} – {Date(view.ClosesOn)}."), cancellationToken);

    public Task<IActionResult> OnPostOpenAsync(CancellationToken cancellationToken) => ActAsync("action", (kind, ct) =>
            phases.OpenAsync(Year, kind, new PhaseActionInput { Reason = Reason, Stamp = Stamp }, Actor.Of(User), ct),
        view => T($"Đã mở giai đoạn {PhaseLabels.NameVi(view.Kind)} năm {view.Year} ({Date(view.OpensOn)} – {Date(view.ClosesOn)}).",
            $"The {PhaseLabels.NameEn(view.Kind)} phase of {view.Year} is open ({Date(view.OpensOn)} – {Date(view.ClosesOn)})."), cancellationToken);

    public Task<IActionResult> OnPostCloseAsync(CancellationToken cancellationToken) => ActAsync("action", (kind, ct) =>
            phases.CloseAsync(Year, kind, new PhaseActionInput { Reason = Reason, Stamp = Stamp }, Actor.Of(User), ct),
        view => T($"Đã đóng giai đoạn {PhaseLabels.NameVi(view.Kind)} năm {view.Year}.", $"The {PhaseLabels.NameEn(view.Kind)} phase of {view.Year} is closed."), cancellationToken);

    public async Task<IActionResult> OnPostRemindAsync(CancellationToken cancellationToken)
    {
        if (PhaseService.YearProblem(Year) is not null)
            return NotFound();
        var run = await reminders.RunAsync(Year, cancellationToken);
        Message = T($"Đã tính nhắc việc ngày {Date(run.Day)}: {run.Notifications} thông báo mới, {run.Emails} thư vào hộp thư đi.",
            $"Reminders of {Date(run.Day)} computed: {run.Notifications} new notification(s), {run.Emails} email(s) queued.");
        return LocalRedirect(CampaignPageText.AdminPath(Year));
    }

    private async Task<IActionResult> ActAsync(string form, Func<CampaignPhaseKind, CancellationToken, Task<Outcome<PhaseView>>> act, Func<PhaseView, string> done, CancellationToken cancellationToken)
    {
        if (!PhaseLabels.TryParse(Phase, out var kind))
            return BadRequest();
        var outcome = await act(kind, cancellationToken);
        if (outcome.Succeeded)
        {
            Message = done(outcome.Value!);
            return LocalRedirect(CampaignPageText.AdminPath(Year) + "#" + PhaseLabels.Slug(kind));
        }
        if (outcome.NotFound)
            return NotFound();
        Errors.Merge(outcome.Problems);
        ErrorPhase = kind;
        ErrorForm = form;
        var listed = await phases.ListAsync(Year, cancellationToken);
        if (!listed.Succeeded)
            return NotFound();
        Phases = listed.Value!;
        Response.StatusCode = outcome.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
