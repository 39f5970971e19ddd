using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using ParIndex.Accounts;
using static ParIndex.Web.Text;

namespace ParIndex.Campaign.Pages;

/// <summary>
/// The email outbox for administrators, whether or not SMTP is configured: each email with its status (waiting, sent,
/// failed), attempts and last error; failed ones can be retried, and due ones sent now.
/// </summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class OutboxModel(OutboxQuery query, OutboxSender sender, IOptions<SmtpOptions> smtp) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "trang")] public int PageNumber { get; set; } = 1;
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }

    [TempData] public string? Message { get; set; }

    public OutboxPage List { get; private set; } = null!;
    public SmtpOptions Smtp => smtp.Value;
    public OutboxStatus? Selected => OutboxQuery.ParseStatus(Status);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        List = await query.PageAsync(Selected, PageNumber, cancellationToken);

    public async Task<IActionResult> OnPostRetryAsync(long id, CancellationToken cancellationToken)
    {
        Message = await sender.RetryAsync(id, cancellationToken)
            ? T($"Thư #{id} sẽ được gửi lại ở lượt gửi tới.", $"Email #{id} will be sent again in the next delivery round.")
            : T($"Thư #{id} đã gửi hoặc không còn.", $"Email #{id} is already sent or gone.");
        return LocalRedirect(Back());
    }

    public async Task<IActionResult> OnPostDeliverAsync(CancellationToken cancellationToken)
    {
        var run = await sender.DeliverDueAsync(cancellationToken: cancellationToken);
        Message = run.Configured
            ? T($"Đã gửi {run.Sent} thư, {run.Failed} thư lỗi.", $"{run.Sent} email(s) sent, {run.Failed} failed.")
            : T("Chưa cấu hình máy chủ thư (Smtp:Host, Smtp:From): thư vẫn nằm trong hộp thư đi.", "No mail server is configured (Smtp:Host, Smtp:From): emails stay in the outbox.");
        return LocalRedirect(Back());
    }

    public string StatusName(OutboxStatus status) => status switch
    {
        OutboxStatus.Pending => Smtp.IsConfigured ? T("Chờ gửi", "Waiting") : T("Chờ (chưa cấu hình SMTP)", "Waiting (no SMTP)"),
        OutboxStatus.Sent => T("Đã gửi", "Sent"),
        OutboxStatus.Failed => T("Gửi lỗi", "Failed"),
        _ => status.ToString(),
    };

    private string Back() => $"{CampaignPageText.OutboxPath}?trang={PageNumber}{(Selected is { } s ? $"&status={s}" : "")}";
}
