using System.Globalization;
using Microsoft.AspNetCore.Localization;
using ParIndex.Accounts;

namespace ParIndex.Web;

public static class WebSetup
{
    public static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>Razor Pages, localization (Vietnamese default), ProblemDetails, OpenAPI and output caching for public pages.</summary>
    public static IHostApplicationBuilder AddParIndexWeb(this IHostApplicationBuilder builder)
    {
        // Pages live in their feature folders (Units/Pages, Results/Pages, …) with explicit routes; each page
        // declares who may use it with [Authorize]/[AllowAnonymous], and anything that forgets is closed by the
        // fallback policy below.
        builder.Services.AddRazorPages(options => options.RootDirectory = "/");
        builder.Services.Configure<CitySettings>(builder.Configuration.GetSection("City"));
        // Vietnamese letters are written as themselves, not as HTML entities (pages several times smaller).
        builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(options =>
            options.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi("v1", options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "ParIndex API";
                document.Info.Description = "Chỉ số cải cách hành chính — Public Administration Reform Index. Read endpoints are public for published results; writes need an administrator.";
                return Task.CompletedTask;
            });
        });
        builder.Services.AddOutputCache(options =>
        {
            options.AddPolicy(PublicCache.Policy, policy => policy
                .Expire(TimeSpan.FromMinutes(10))
                // Varies only by the query parameters the cached pages and endpoints read, so that made-up parameters
                // (?n=1, ?n=2, …) share one entry instead of forcing a render each. A new cached page or endpoint that
                // reads another parameter must add it here (PublicCache.QueryKeys).
                .SetVaryByQuery(PublicCache.QueryKeys)
                .VaryByValue(context => new("culture", CultureInfo.CurrentUICulture.Name))
                .With(context => !(context.HttpContext.User.Identity?.IsAuthenticated ?? false))
                .Tag(PublicCache.Tag));
        });
        builder.Services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(Vietnamese);
            options.SupportedCultures = [Vietnamese, English];
            options.SupportedUICultures = [Vietnamese, English];
            // Explicit choice first (?lang=en, then the cookie); the browser's Accept-Language is ignored so
            // that Vietnamese stays the default for everyone who has not chosen.
            options.RequestCultureProviders =
            [
                new CustomRequestCultureProvider(context => Task.FromResult(UiLanguage.FromQuery(context.Request.Query["lang"]))),
                new CookieRequestCultureProvider { CookieName = UiLanguage.CookieName },
            ];
        });
        return builder;
    }

    public static WebApplication UseParIndexWeb(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler();
            app.UseHsts();
        }
        app.UseStatusCodePages();
        app.UseStaticFiles();
        app.UseRequestLocalization();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.UseOutputCache();
        app.MapOpenApi("/api/openapi/{documentName}.json").AllowAnonymous();
        app.MapLanguageSwitch();
        app.MapRazorPages();
        return app;
    }
}

/// <summary>Public pages and exports are cached for anonymous readers and evicted whenever results or publication change.</summary>
public static class PublicCache
{
    public const string Policy = "public";
    public const string Tag = "public-results";

    /// <summary>
    /// Every query parameter read by a page or endpoint under <see cref="Policy"/>: sort and dir (block page), nam and
    /// year (corrections page and API), format (exports), lang (language switch).
    /// </summary>
    public static readonly string[] QueryKeys = ["sort", "dir", "nam", "year", "format", "lang"];
}
