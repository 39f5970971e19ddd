using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ParIndex.Surveys;
using static ParIndex.Tests.Surveys.SurveysTestKit;

namespace ParIndex.Tests.Surveys;

public abstract class SurveyAnonymityTests(DatabaseKind kind) : AppTest(kind)
{
    [Fact]
    public async Task AStoredResponseHoldsNeitherTheTokenNorItsHashNorAnInstant()
    {
        var admin = await CityAsync(App);
        await CampaignAsync(admin);
        var token = (await InviteAsync(admin)).Single().Token;
        var citizen = App.Anonymous();
        await OpenInvitationAsync(citizen, token);
        await AnswerWholeFormAsync(citizen);

        var hash = SurveyTokens.Hash(token);
        var response = await App.WithDbAsync(db => db.SurveyResponses.AsNoTracking().SingleAsync());
        var stored = typeof(SurveyResponse).GetProperties().Select(p => p.GetValue(response)?.ToString() ?? "").ToList();
        var invitation = await App.WithDbAsync(db => db.SurveyInvitations.AsNoTracking().SingleAsync());
        var model = App.Service(services => services.GetRequiredService<ParIndex.Data.AppDbContext>().Model);

        Assert.DoesNotContain(stored, value => value.Contains(SurveyTokens.Normalize(token)) || value.Contains(hash) || value.Contains(token));
        // No reference from a response to its invitation, and only days, never instants, on either side.
        Assert.DoesNotContain(model.FindEntityType(typeof(SurveyResponse))!.GetForeignKeys(), fk => fk.PrincipalEntityType.ClrType == typeof(SurveyInvitation));
        Assert.DoesNotContain(typeof(SurveyResponse).GetProperties(), p => p.PropertyType == typeof(DateTime) || p.PropertyType == typeof(DateTime?) || p.PropertyType == typeof(DateTimeOffset));
        Assert.Equal(Today, response.SubmittedOn);
        Assert.Equal(Today, invitation.UsedOn);
        Assert.Equal(hash, invitation.TokenHash);
        // The draft (keyed by the hash while answering) is gone with the submission.
        Assert.Equal(0, await App.WithDbAsync(db => db.SurveyDrafts.CountAsync()));
    }

    [Fact]
    public async Task NothingLoggedAtInformationLevelIdentifiesTheTokenHolder()
    {
        var admin = await CityAsync(App);
        await CampaignAsync(admin);
        var token = (await InviteAsync(admin)).Single().Token;
        var logs = new CapturedLogs();
        // Everything at Information, including the category that logs request lines with their query strings.
        using var logged = App.WithWebHostBuilder(builder => builder
            .UseSetting("Logging:LogLevel:Default", "Information")
            .UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Information")
            .UseSetting("Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics", "Information")
            .UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Information")
            .ConfigureLogging(logging => logging.AddProvider(logs)));
        var citizen = logged.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        await OpenInvitationAsync(citizen, token);
        await PostStepAsync(citizen, 1, "save", [new("A1", "co")]);
        var done = await AnswerWholeFormAsync(citizen);
        await citizen.GetAsync($"/khao-sat?ma={token}");

        Assert.Equal("/khao-sat/cam-on", done.Headers.Location?.OriginalString);
        var lines = logs.Lines.ToList();
        Assert.Contains(lines, line => line.Contains("/khao-sat")); // the capture works: endpoints are logged at Information
        var secrets = new[] { token, SurveyTokens.Normalize(token), SurveyTokens.Hash(token), Uri.EscapeDataString(token) };
        var leaks = lines.Where(line => secrets.Any(secret => line.Contains(secret, StringComparison.OrdinalIgnoreCase))).ToList();
        Assert.True(leaks.Count == 0, "Logged: " + string.Join(Environment.NewLine, leaks));
    }

    /// <summary>Every log message with its category and structured values.</summary>
    private sealed class CapturedLogs : ILoggerProvider
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, Lines);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join("; ", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
                lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} [{values}] {exception}");
            }
        }
    }
}

public sealed class SurveyAnonymityTestsOnSqlite() : SurveyAnonymityTests(DatabaseKind.Sqlite);

public sealed class SurveyAnonymityTestsOnPostgres() : SurveyAnonymityTests(DatabaseKind.Postgres);
