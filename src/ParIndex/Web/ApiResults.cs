using Microsoft.AspNetCore.Http.HttpResults;

namespace ParIndex.Web;

/// <summary>Maps an <see cref="Outcome{T}"/> to the typed results an endpoint declares.</summary>
public static class ApiResults
{
    public static Results<Ok<TOut>, ValidationProblem, NotFound<ProblemDetailsBody>, Conflict<ProblemDetailsBody>> From<T, TOut>(Outcome<T> outcome, Func<T, TOut> map)
    {
        if (outcome.NotFound)
            return TypedResults.NotFound(ProblemDetailsBody.NotFound());
        if (outcome.Conflict)
            return TypedResults.Conflict(ProblemDetailsBody.ConflictOf(outcome.Problems));
        if (outcome.Problems is { } problems)
            return TypedResults.ValidationProblem(problems.ToDictionary(), title: Text.T("Dữ liệu không hợp lệ", "Invalid input"));
        return TypedResults.Ok(map(outcome.Value!));
    }
}

/// <summary>A ProblemDetails body for 404 and 409 responses (typed so OpenAPI documents it).</summary>
public sealed class ProblemDetailsBody : Microsoft.AspNetCore.Mvc.ProblemDetails
{
    public IDictionary<string, string[]>? Errors { get; init; }

    public static ProblemDetailsBody NotFound(string? detail = null) => new()
    {
        Status = StatusCodes.Status404NotFound,
        Title = Text.T("Không tìm thấy", "Not found"),
        Detail = detail,
        Type = "https://tools.ietf.org/html/rfc9110#section-15.5.5",
    };

    public static ProblemDetailsBody ConflictOf(Problems? problems) => new()
    {
        Status = StatusCodes.Status409Conflict,
        Title = Text.T("Xung đột dữ liệu", "Conflict"),
        Detail = problems is null ? null : string.Join(" ", problems.Lines()),
        Errors = problems?.ToDictionary(),
        Type = "https://tools.ietf.org/html/rfc9110#section-15.5.10",
    };
}
