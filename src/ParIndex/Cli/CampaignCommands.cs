using System.CommandLine;
using ParIndex.Campaign;
using ParIndex.Web;
using Spectre.Console;

namespace ParIndex.Cli;

public static partial class CommandLine
{
    private static Command CampaignCommand()
    {
        var command = new Command("campaign", "The yearly assessment campaign: phases (dates, open, close), reminders, the email outbox.");
        command.Subcommands.Add(CampaignPhaseCommand());
        command.Subcommands.Add(CampaignRemindCommand());
        command.Subcommands.Add(CampaignDeliverCommand());
        return command;
    }

    private static Command CampaignPhaseCommand()
    {
        var year = new Option<int>("--year") { Description = "The campaign year.", Required = true };
        var open = new Option<string?>("--open") { Description = $"Open this phase ({PhaseLabels.Accepted})." };
        var close = new Option<string?>("--close") { Description = "Close this phase." };
        var dates = new Option<string?>("--dates") { Description = "Set the dates of this phase (with --opens and --closes)." };
        var opens = new Option<string?>("--opens") { Description = "Opening date, dd/MM/yyyy or yyyy-MM-dd." };
        var closes = new Option<string?>("--closes") { Description = "Closing date (work accepted until the end of that day, Vietnam time)." };
        var reason = new Option<string?>("--reason") { Description = "Why (required to reopen a closed phase and to move the dates of an opened one)." };
        var command = new Command("phase", "List a year's phases, or set a phase's dates, open it or close it (audited as the OS user).") { year, open, close, dates, opens, closes, reason };
        command.SetAction((parse, cancellationToken) => CliHost.RunAsync(async (services, ct) =>
        {
            var selectedYear = parse.GetValue(year);
            var actions = new[] { parse.GetValue(open), parse.GetValue(close), parse.GetValue(dates) }.Count(a => a is not null);
            if (actions > 1)
                throw new CliError("Give one of --open, --close or --dates.");
            var service = services.GetRequiredService<PhaseService>();
            var input = new PhaseActionInput { Reason = parse.GetValue(reason) };
            Outcome<PhaseView>? outcome = null;
            if (parse.GetValue(open) is { } toOpen)
                outcome = await service.OpenAsync(selectedYear, ParsePhase(toOpen, "--open"), input, Actor.Cli, ct);
            else if (parse.GetValue(close) is { } toClose)
                outcome = await service.CloseAsync(selectedYear, ParsePhase(toClose, "--close"), input, Actor.Cli, ct);
            else if (parse.GetValue(dates) is { } toDate)
            {
                var kind = ParsePhase(toDate, "--dates");
                var problems = new List<string>();
                var opensOn = CliDate(parse.GetValue(opens), "--opens", problems);
                var closesOn = CliDate(parse.GetValue(closes), "--closes", problems);
                if (problems.Count > 0)
                    throw new CliError(problems);
                outcome = await service.SetDatesAsync(selectedYear, kind, new PhaseDatesInput { OpensOn = opensOn, ClosesOn = closesOn, Reason = parse.GetValue(reason) }, Actor.Cli, ct);
            }
            if (outcome is { } done && !done.Succeeded)
                throw new CliError(done.Problems?.Lines().Select(line => line.Replace("opensOn:", "--opens:").Replace("closesOn:", "--closes:").Replace("reason:", "--reason:")) ?? ["The phase was not changed."]);
            if (outcome is { Value: { } changed })
                Console.WriteLine($"{selectedYear} {PhaseLabels.Slug(changed.Kind)}: {changed.State}, {Web.Text.Date(changed.OpensOn)} – {Web.Text.Date(changed.ClosesOn)} ({PhaseLabels.StatusName(changed.Status, Core.Language.En).ToLowerInvariant()}).");

            var listed = await service.ListAsync(selectedYear, ct);
            if (!listed.Succeeded)
                throw new CliError(listed.Problems!.Lines());
            if (outcome is null)
            {
                var table = new Table().AddColumns("Phase", "Opens on", "Closes on", "State", "Today");
                foreach (var phase in listed.Value!)
                    table.AddRow(PhaseLabels.Slug(phase.Kind), Web.Text.Date(phase.OpensOn), Web.Text.Date(phase.ClosesOn), phase.State.ToString(),
                        Markup.Escape(phase.Refusal(Core.Language.En) ?? "open: work is accepted"));
                WideConsole().Write(table);
            }
            return 0;
        }, cancellationToken));
        return command;
    }

    private static Command CampaignRemindCommand()
    {
        var year = new Option<int?>("--year") { Description = "Only this year (default: every year with an open phase)." };
        var command = new Command("remind", "Compute today's reminders now (notifications and queued emails), as the daily run does; running it twice a day adds nothing.") { year };
        command.SetAction((parse, cancellationToken) => CliHost.RunAsync(async (services, ct) =>
        {
            var run = await services.GetRequiredService<ReminderService>().RunAsync(parse.GetValue(year), ct);
            foreach (var line in run.Lines)
                Console.WriteLine(line);
            Console.WriteLine($"{Web.Text.Date(run.Day)}: {run.Notifications} notification(s) created, {run.Emails} email(s) queued.");
            return 0;
        }, cancellationToken));
        return command;
    }

    private static Command CampaignDeliverCommand()
    {
        var command = new Command("deliver", "Send the due emails of the outbox now through the configured SMTP server (Smtp:Host, Smtp:Port, Smtp:From).");
        command.SetAction((_, cancellationToken) => CliHost.RunAsync(async (services, ct) =>
        {
            var run = await services.GetRequiredService<OutboxSender>().DeliverDueAsync(int.MaxValue, ct);
            if (!run.Configured)
                throw new CliError("SMTP is not configured (Smtp:Host and Smtp:From): the emails stay in the outbox.");
            Console.WriteLine($"{run.Sent} email(s) sent, {run.Failed} failed.");
            return run.Failed > 0 ? 1 : 0;
        }, cancellationToken));
        return command;
    }

    private static CampaignPhaseKind ParsePhase(string text, string option) =>
        PhaseLabels.TryParse(text, out var kind) ? kind : throw new CliError($"{option}: there is no phase '{text}' (use one of: {PhaseLabels.Accepted}).");

    private static DateOnly? CliDate(string? text, string option, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            problems.Add($"{option}: give a date (dd/MM/yyyy).");
            return null;
        }
        var date = Campaign.Pages.CampaignPageText.ParseDate(text);
        if (date is null)
            problems.Add($"{option}: '{text}' is not a date (dd/MM/yyyy or yyyy-MM-dd).");
        return date;
    }
}
