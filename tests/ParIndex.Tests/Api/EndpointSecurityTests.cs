using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ParIndex.Tests.Api;

public abstract class EndpointSecurityTests(DatabaseKind kind) : AppTest(kind)
{
    private IReadOnlyList<RouteEndpoint> Endpoints() => App.Service(services =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList());

    [Fact]
    public void EveryEndpointAndPageStatesWhoMayUseIt()
    {
        var silent = Endpoints()
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null && e.Metadata.GetMetadata<IAuthorizeData>() is null)
            .Select(e => e.RoutePattern.RawText)
            .ToList();

        Assert.NotEmpty(Endpoints());
        Assert.Empty(silent);
    }

    [Fact]
    public async Task AnonymousCallersAreRefusedOnEveryWriteEndpoint()
    {
        var writes = Endpoints()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/api/v1", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(method => (method, e)))
            .Where(x => x.method is "POST" or "PUT" or "DELETE")
            .ToList();
        var client = App.Anonymous();

        Assert.True(writes.Count >= 10, $"only {writes.Count} write endpoints found");
        foreach (var (method, endpoint) in writes)
        {
            var path = ConcreteRoute(endpoint.RoutePattern.RawText!);
            var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = JsonContent.Create(new { }) });
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {path} answered {(int)response.StatusCode} to an anonymous caller");
        }
    }

    [Fact]
    public async Task TheOpenApiDocumentDescribesTheApi()
    {
        var client = App.Anonymous();

        using var document = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/api/openapi/v1.json"));

        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.StartsWith("3.", document.RootElement.GetProperty("openapi").GetString());
        Assert.Contains("/api/v1/units", paths);
        Assert.Contains("/api/v1/years/{year}/blocks/{block}/results", paths);
        Assert.Contains("/api/v1/years/{year}/blocks/{block}/results/{unit}/explain/{node}", paths);
        Assert.Contains("/api/v1/frameworks/{id}/publish", paths);
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
            foreach (var operation in path.Value.EnumerateObject())
                Assert.True(operation.Value.TryGetProperty("summary", out _), $"{operation.Name} {path.Name} has no summary");
    }

    [Fact]
    public async Task AnUnknownRouteUnderTheApiIsAProblemDetails404()
    {
        var response = await App.Anonymous().GetAsync("/api/v1/units/NO-SUCH-UNIT");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private static string ConcreteRoute(string pattern) => System.Text.RegularExpressions.Regex.Replace(pattern, "{([a-z]+)(:int)?}", match =>
        match.Groups[2].Success || match.Groups[1].Value is "year" or "id" ? "2024" : "X");
}

public sealed class EndpointSecurityTestsOnSqlite() : EndpointSecurityTests(DatabaseKind.Sqlite);

public sealed class EndpointSecurityTestsOnPostgres() : EndpointSecurityTests(DatabaseKind.Postgres);
