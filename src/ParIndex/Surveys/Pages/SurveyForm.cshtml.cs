using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ParIndex.Core.Surveys;
using ParIndex.Web;
using static ParIndex.Web.Text;

namespace ParIndex.Surveys.Pages;

/// <summary>
/// The public questionnaire, one section per step, without JavaScript. The invitation link's token (?ma=…) is
/// swapped at once for an HttpOnly cookie and the browser is sent to the clean address, so the token is not left in
/// the address bar, the history or a Referer; the answers given so far are kept as a server-side draft keyed by the
/// token's hash, so the citizen can stop and come back with the same link.
/// </summary>
[AllowAnonymous]
public sealed class SurveyFormModel(ResponseService responses) : PageModel
{
    public const string CookieName = "parindex.khaosat";
    public const string FieldPrefix = "q.";

    public TokenContext? Context { get; private set; }
    public int Step { get; private set; }
    public Dictionary<string, IReadOnlyList<string>> Answers { get; private set; } = new(StringComparer.OrdinalIgnoreCase);
    public List<AnswerProblem> Problems { get; } = [];
    public string? CodeError { get; private set; }
    public string? Saved { get; private set; }

    public QuestionnaireDefinition? Form => Context?.Questionnaire;
    public bool IsLastStep => Form is not null && Step == Form.Sections.Count - 1;

    /// <summary>Pages that carry a token's context are never cached and never send a Referer onwards.</summary>
    public override void OnPageHandlerExecuting(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context)
    {
        Response.Headers.CacheControl = "no-store";
        Response.Headers["Referrer-Policy"] = "no-referrer";
    }

    public async Task<IActionResult> OnGetAsync(int? buoc, CancellationToken cancellationToken)
    {
        // Read from the query rather than bound as a handler argument: MVC logs handler arguments at Trace level.
        if (Request.Query["ma"].FirstOrDefault() is { Length: > 0 } ma)
        {
            SetCookie(ma);
            return Redirect("/khao-sat");
        }
        if (Request.Cookies[CookieName] is not { } token)
            return Page();
        Context = await responses.ResolveAsync(token, cancellationToken);
        if (Context.State == TokenState.Unknown)
        {
            // A cookie that no longer opens anything (a mistyped code): forget it and ask for the code again.
            Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/khao-sat" });
            CodeError = ResponseService.Refusal(Context);
            Context = null;
            return Page();
        }
        if (Context.State == TokenState.Open)
        {
            Answers = await responses.DraftAsync(Context.TokenHash, cancellationToken);
            Step = Math.Clamp(buoc ?? FirstUnfinished(), 0, Form!.Sections.Count - 1);
        }
        return Page();
    }

    /// <summary>The code typed from a paper invitation.</summary>
    public async Task<IActionResult> OnPostStartAsync(CancellationToken cancellationToken)
    {
        var code = Request.Form["code"].FirstOrDefault();
        var context = await responses.ResolveAsync(code, cancellationToken);
        if (context.State == TokenState.Unknown)
        {
            CodeError = ResponseService.Refusal(context);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        SetCookie(code!);
        return Redirect("/khao-sat");
    }

    public async Task<IActionResult> OnPostAsync(string? action, int step, CancellationToken cancellationToken)
    {
        if (Request.Cookies[CookieName] is not { } token)
            return Redirect("/khao-sat");
        Context = await responses.ResolveAsync(token, cancellationToken);
        if (Context.State != TokenState.Open)
        {
            Response.StatusCode = Context.State == TokenState.Unknown ? StatusCodes.Status404NotFound : StatusCodes.Status409Conflict;
            return Page();
        }
        Step = Math.Clamp(step, 0, Form!.Sections.Count - 1);
        Answers = await responses.DraftAsync(Context.TokenHash, cancellationToken);
        var section = Form.Sections[Step];
        foreach (var question in section.Questions)
        {
            var posted = Request.Form[FieldPrefix + question.Code].Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!).ToList();
            if (posted.Count == 0)
                Answers.Remove(question.Code);
            else
                Answers[question.Code] = posted;
        }

        switch (action)
        {
            case "back":
                await responses.SaveDraftAsync(Context, Answers, cancellationToken);
                return Redirect($"/khao-sat?buoc={Step - 1}");
            case "save":
                await responses.SaveDraftAsync(Context, Answers, cancellationToken);
                Saved = T("Đã lưu câu trả lời. Ông/Bà có thể đóng trang và quay lại sau bằng đường dẫn hoặc mã trên phiếu mời.", "Your answers are saved. You may close the page and come back later with the link or code on your invitation.");
                return Page();
            case "submit" when IsLastStep:
                var outcome = await responses.SubmitAsync(token, Answers, cancellationToken);
                if (outcome.Succeeded)
                {
                    Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/khao-sat" });
                    return Redirect("/khao-sat/cam-on");
                }
                if (outcome.Conflict || outcome.NotFound)
                {
                    Context = await responses.ResolveAsync(token, cancellationToken);
                    Response.StatusCode = StatusCodes.Status409Conflict;
                    return Page();
                }
                await responses.SaveDraftAsync(Context, Answers, cancellationToken);
                var (_, all) = AnswerSheet.Check(Form, Answers);
                Problems.AddRange(all);
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                return Page();
            default:
                var (_, found) = AnswerSheet.Check(Form, Answers, onlySection: section.Code);
                Problems.AddRange(found.Where(p => section.Questions.Any(q => q.Code == p.QuestionCode)));
                await responses.SaveDraftAsync(Context, Answers, cancellationToken);
                if (Problems.Count > 0)
                {
                    Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                    return Page();
                }
                return Redirect($"/khao-sat?buoc={Math.Min(Step + 1, Form.Sections.Count - 1)}");
        }
    }

    public int StepOf(string questionCode) => Form!.Sections.ToList().FindIndex(s => s.Questions.Any(q => q.Code == questionCode));

    public bool IsChecked(string code, string choice) => Answers.TryGetValue(code, out var values) && values.Contains(choice, StringComparer.OrdinalIgnoreCase);

    public string Value(string code) => Answers.TryGetValue(code, out var values) ? string.Join(" ", values) : "";

    public IReadOnlyList<AnswerProblem> ProblemsOf(string code) => Problems.Where(p => p.QuestionCode == code).ToList();

    private int FirstUnfinished()
    {
        for (var i = 0; i < Form!.Sections.Count; i++)
            if (Form.Sections[i].Questions.Any(q => q.Required && !Answers.ContainsKey(q.Code)))
                return i;
        return Form.Sections.Count - 1;
    }

    private void SetCookie(string token) => Response.Cookies.Append(CookieName, SurveyTokens.Normalize(token), new CookieOptions
    {
        HttpOnly = true,
        Secure = Request.IsHttps,
        SameSite = SameSiteMode.Lax,
        Path = "/khao-sat",
        MaxAge = TimeSpan.FromDays(60),
        IsEssential = true,
    });
}
