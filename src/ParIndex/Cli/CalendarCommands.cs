using System.CommandLine;
using ParIndex.Calendar;
using ParIndex.Core.Calendar;
using ParIndex.Web;
using Spectre.Console;

namespace ParIndex.Cli;

public static partial class CommandLine
{
    private static Command CalendarCommand()
    {
        var command = new Command("calendar", "The working-day calendar: a year's days off, deadlines, recomputation after a notice change.");
        command.Subcommands.Add(CalendarDaysCommand());
        command.Subcommands.Add(CalendarAddCommand());
        command.Subcommands.Add(CalendarRecomputeCommand());
        return command;
    }

    private static Option<string> LanguageOption() => new("--lang") { Description = "vi or en (reasons and explanation).", DefaultValueFactory = _ => "vi" };

    private static Core.Language LanguageOf(string? code) => code == "en" ? Core.Language.En : Core.Language.Vi;

    private static Command CalendarDaysCommand()
    {
        var year = new Option<int>("--year") { Description = "The year.", Required = true };
        var all = new Option<bool>("--all") { Description = "Also list plain Saturdays and Sundays." };
        var language = LanguageOption();
        var command = new Command("days", "List a year's non-working days with their reasons, and the weekend days worked.") { year, all, language };
        command.SetAction((parse, cancellationToken) => CliHost.RunAsync(async (services, ct) =>
        {
            var lang = LanguageOf(parse.GetValue(language));
            var outcome = await services.GetRequiredService<CalendarService>().YearAsync(parse.GetValue(year), ct);
            if (!outcome.Succeeded)
                throw new CliError(outcome.Problems!.Lines());
            var calendar = outcome.Value!;
            var days = parse.GetValue(all) ? calendar.NonWorkingDays : calendar.DaysOffBesidesWeekends.ToList();
            var rows = days.Select(d => (d.Date, Kind: d.Kind.ToString(), Reason: d.Reason(lang)))
                .Concat(calendar.WorkedDays.Select(w => (w.Date, Kind: "Worked", Reason: w.Reason(lang))))
                .OrderBy(r => r.Date);
            var table = new Table().AddColumns("Date", "Day", "Kind", "Reason");
            foreach (var row in rows)
                table.AddRow(Markup.Escape(Web.Text.Date(row.Date)), Markup.Escape(CalendarLabels.Weekday(row.Date, lang)), row.Kind, Markup.Escape(row.Reason));
            WideConsole().Write(table);
            var weekends = calendar.NonWorkingDays.Count(d => d.Kind == NonWorkingKind.Weekend);
            var source = calendar.Status switch
            {
                NoticeStatus.Documented => "notice published with the app",
                NoticeStatus.Stored => $"notice entered by {calendar.UpdatedBy}",
                _ => "no notice entered, days derived by rule",
            };
            Console.WriteLine($"{calendar.Year}: {source}{(calendar.Notice.Reference is { } reference ? $" ({reference})" : "")}.");
            Console.WriteLine($"{calendar.NonWorkingDays.Count} non-working days ({weekends} Saturdays and Sundays, {calendar.NonWorkingDays.Count - weekends} other days off), {calendar.WorkedDays.Count} weekend day(s) worked, {calendar.WorkingDays} working days.");
            return 0;
        }, cancellationToken));
        return command;
    }

    private static Command CalendarAddCommand()
    {
        var from = new Option<string>("--from") { Description = "The moment of receipt, ISO 8601 (e.g. 2025-01-24T16:20+07:00; without an offset, Vietnamese time).", Required = true };
        var days = new Option<int>("--days") { Description = "Working days to add (0 = the same day).", Required = true };
        var cutOff = new Option<bool>("--cut-off") { Description = "A receipt after 15:00 counts from the next working day." };
        var language = LanguageOption();
        var command = new Command("add", "The due date N working days after a receipt, with the explanation.") { from, days, cutOff, language };
        command.SetAction((parse, cancellationToken) => CliHost.RunAsync(async (services, ct) =>
        {
            var lang = LanguageOf(parse.GetValue(language));
            var problems = new List<string>();
            var fromText = parse.GetValue(from);
            if (!CalendarInput.TryParseInstant(fromText, out var receivedAt))
                problems.Add($"--from: '{fromText}' is not an instant (ISO 8601, e.g. 2025-01-24T16:20+07:00).");
            var n = parse.GetValue(days);
            if (n < 0)
                problems.Add($"--days: {n} is negative; give 0 or more working days.");
            if (problems.Count > 0)
                throw new CliError(problems);
            var policy = DeadlinePolicy.WorkingDays(n) with { CountsFromNextWorkingDayAfterCutOff = parse.GetValue(cutOff) };
            var outcome = await services.GetRequiredService<CalendarService>().ExplainAsync(receivedAt, policy, ct);
            if (!outcome.Succeeded)
                throw new CliError(outcome.Problems!.Lines().Select(line => line.Replace("receivedAt:", "--from:").Replace("amount:", "--days:")));
            var explanation = outcome.Value!;
            Console.WriteLine($"Due: {CalendarLabels.Instant(explanation.Due, lang)} ({CalendarInput.Iso(explanation.Due)})");
            foreach (var step in explanation.Steps)
                Console.WriteLine("  " + step.Text(lang));
            return 0;
        }, cancellationToken));
        return command;
    }

    private static Command CalendarRecomputeCommand()
    {
        var year = new Option<int>("--year") { Description = "The year whose notice the deadlines depend on.", Required = true };
        var command = new Command("recompute", "Run the recomputation that follows a notice change again (e.g. after it failed), without changing the notice.") { year };
        command.SetAction((parse, cancellationToken) => CliHost.RunAsync(async (services, ct) =>
        {
            var calendar = services.GetRequiredService<CalendarService>();
            var outcome = await calendar.RecomputeAsync(parse.GetValue(year), Actor.Cli, ct);
            if (!outcome.Succeeded)
                throw new CliError(outcome.Problems!.Lines());
            if (outcome.Value!.Count > 0)
                throw new CliError(outcome.Value.Append($"{outcome.Value.Count} listener(s) failed."));
            Console.WriteLine(calendar.ListenerCount == 0
                ? "Nothing depends on the calendar yet (no listener is registered)."
                : $"Recomputed for {parse.GetValue(year)}: {calendar.ListenerCount} listener(s) ran.");
            return 0;
        }, cancellationToken));
        return command;
    }

    /// <summary>
    /// Tables keep one row per line when the output is redirected to a file or a pipe (where the console has no
    /// width of its own); long reasons would otherwise wrap at 80 columns.
    /// </summary>
    private static IAnsiConsole WideConsole()
    {
        if (!Console.IsOutputRedirected)
            return AnsiConsole.Console;
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        console.Profile.Width = 200;
        return console;
    }
}
