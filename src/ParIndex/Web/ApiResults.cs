using Microsoft.AspNetCore.Http.HttpResults;

namespace ParIndex.Web;

/// <summary>Maps an <see cref="Outcome{T}"/> to the typed results an endpoint declares; every error is a ProblemDetails (application/problem+json).</summary>
public static class ApiResults
{
    public static Results<Ok<TOut>, ValidationProblem, ProblemHttpResult> From<T, TOut>(Outcome<T> outcome, Func<T, TOut> map)
    {
        if (outcome.NotFound)
            return NotFound();
        if (outcome.Conflict)
            return Conflict(outcome.Problems);
        if (outcome.Problems is { } problems)
            return TypedResults.ValidationProblem(problems.ToDictionary(), title: Text.T("Dữ liệu không hợp lệ", "Invalid input"));
        return TypedResults.Ok(map(outcome.Value!));
    }

    public static ProblemHttpResult NotFound(string? detail = null) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound, title: Text.T("Không tìm thấy", "Not found"));

    public static ProblemHttpResult Conflict(Problems? problems) =>
        TypedResults.Problem(
            detail: problems is null ? null : string.Join(" ", problems.Lines()),
            statusCode: StatusCodes.Status409Conflict,
            title: Text.T("Xung đột dữ liệu", "Conflict"),
            extensions: problems is null ? null : new Dictionary<string, object?> { ["errors"] = problems.ToDictionary() });
}
