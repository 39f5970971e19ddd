using ParIndex;
using ParIndex.Accounts;
using ParIndex.Cli;
using ParIndex.Data;
using ParIndex.Web;

// One executable: `parindex <verb>` runs a CLI verb; anything else (or `serve`) starts the web app.
if (CommandLine.IsVerb(args))
    return await CommandLine.RunAsync(args);

var builder = WebApplication.CreateBuilder(CommandLine.ServeArguments(args));
builder.AddParIndexData();
builder.AddParIndexAccounts();
builder.AddParIndexServices();
builder.AddParIndexWeb();

var app = builder.Build();
await app.PrepareDatabaseAsync();
app.UseParIndexWeb();
app.MapParIndexApi();
app.PrintWelcomeWhenStarted();
app.Run();
return 0;

/// <summary>Entry point marker for WebApplicationFactory in the integration tests.</summary>
public partial class Program;
