using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace ParIndex.Web;

/// <summary>The language switch: a plain link (works without JavaScript) that stores the choice in a cookie.</summary>
public static class UiLanguage
{
    public const string CookieName = "parindex.lang";

    public static Core.Language Current =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? Core.Language.En : Core.Language.Vi;

    public static bool IsEnglish => Current == Core.Language.En;

    /// <summary>Reads <c>?lang=en</c> / <c>?lang=vi</c> (also en-GB, vi-VN) as the request's culture; anything else is no choice.</summary>
    public static ProviderCultureResult? FromQuery(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "en" or "en-gb" or "en-us" => new ProviderCultureResult(WebSetup.English.Name),
        "vi" or "vi-vn" => new ProviderCultureResult(WebSetup.Vietnamese.Name),
        _ => null,
    };

    public static void MapLanguageSwitch(this WebApplication app)
    {
        app.MapGet("/ngon-ngu/{code}", (string code, string? returnUrl, HttpContext context) =>
        {
            var culture = code == "en" ? WebSetup.English : WebSetup.Vietnamese;
            context.Response.Cookies.Append(
                CookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
            var target = !string.IsNullOrEmpty(returnUrl) && Uri.IsWellFormedUriString(returnUrl, UriKind.Relative) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//")
                ? returnUrl
                : "/";
            return TypedResults.LocalRedirect(target);
        })
        .AllowAnonymous()
        .ExcludeFromDescription();
    }
}
