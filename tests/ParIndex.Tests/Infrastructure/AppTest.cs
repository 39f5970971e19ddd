namespace ParIndex.Tests.Infrastructure;

/// <summary>
/// Base of the integration tests: each test gets its own app on a fresh database of the kind the concrete
/// class names. Every test class comes in two flavours, <c>…OnSqlite</c> and <c>…OnPostgres</c>, running the same tests.
/// </summary>
public abstract class AppTest(DatabaseKind kind) : IAsyncLifetime
{
    protected DatabaseKind Kind { get; } = kind;
    protected TestApp App { get; private set; } = null!;

    public async Task InitializeAsync() => App = await TestApp.StartAsync(Kind);

    public Task DisposeAsync()
    {
        App.Dispose();
        return Task.CompletedTask;
    }
}
