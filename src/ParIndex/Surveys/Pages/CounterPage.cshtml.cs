using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ParIndex.Accounts;
using ParIndex.Surveys.Counters;
using ParIndex.Web;
using static ParIndex.Web.Text;

namespace ParIndex.Surveys.Pages;

/// <summary>
/// The touch page of a counter (/quay/{counter}): three big buttons, an optional dossier receipt code, no
/// JavaScript. A browser becomes the counter's rating device when an administrator enrols it: that issues a device
/// key kept in an HttpOnly cookie, and the page's ratings then go through the same authenticator, rate limiter and
/// writer as the device API.
/// </summary>
[AllowAnonymous]
public sealed class CounterPageModel(CounterService counters, ICounterDeviceAuthenticator devices, CounterRateLimiter limiter) : PageModel
{
    public const string CookieName = "parindex.quay";

    public ServiceCounter? Counter { get; private set; }
    public bool Enrolled { get; private set; }
    public bool Thanked { get; private set; }
    public string? Error { get; private set; }
    public bool IsAdmin => User.IsInRole(Roles.Administrator);

    public async Task<IActionResult> OnGetAsync(string counter, CancellationToken cancellationToken)
    {
        if (await LoadAsync(counter, cancellationToken) is { } missing)
            return missing;
        Thanked = Request.Query.ContainsKey("cam-on");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string counter, int rating, string? dossierCode, CancellationToken cancellationToken)
    {
        if (await LoadAsync(counter, cancellationToken) is { } missing)
            return missing;
        var device = await devices.AuthenticateAsync(Request.Cookies[CookieName], cancellationToken);
        if (device is null || device.CounterId != Counter!.Id)
        {
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Page();
        }
        if (!limiter.TryAcquire("device:" + device.DeviceId))
        {
            Error = T("Vui lòng chờ một chút rồi đánh giá lại.", "Please wait a moment and rate again.");
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }
        var outcome = await counters.RateAsync(device, new RatingInput(rating, dossierCode));
        if (outcome.Succeeded)
            return Redirect($"/quay/{Uri.EscapeDataString(counter)}?cam-on=1");
        Error = string.Join(" ", outcome.Problems!.ToDictionary().SelectMany(p => p.Value));
        Response.StatusCode = outcome.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    /// <summary>An administrator makes this browser the counter's device (a kiosk tablet at the counter).</summary>
    public async Task<IActionResult> OnPostEnrolAsync(string counter, CancellationToken cancellationToken)
    {
        // The page is public (citizens use it); enrolling a device is for administrators only.
        if (!IsAdmin)
            return User.Identity?.IsAuthenticated == true ? Forbid() : Challenge();
        var issued = await counters.IssueDeviceKeyAsync(counter, T("Trình duyệt tại quầy", "Browser at the counter"), Actor.Of(User), cancellationToken);
        if (!issued.Succeeded)
            return NotFound();
        Response.Cookies.Append(CookieName, issued.Value!.Key, new CookieOptions
        {
            HttpOnly = true, Secure = Request.IsHttps, SameSite = SameSiteMode.Strict, Path = "/quay", MaxAge = TimeSpan.FromDays(365), IsEssential = true,
        });
        return Redirect($"/quay/{Uri.EscapeDataString(counter)}");
    }

    private async Task<IActionResult?> LoadAsync(string counter, CancellationToken cancellationToken)
    {
        Counter = await counters.FindAsync(counter, cancellationToken);
        if (Counter is null)
            return NotFound();
        var device = await devices.AuthenticateAsync(Request.Cookies[CookieName], cancellationToken);
        Enrolled = device is not null && device.CounterId == Counter.Id;
        return null;
    }
}
