using System.CommandLine;
using ParIndex.Dossiers;
using ParIndex.Web;
using Spectre.Console;

namespace ParIndex.Cli;

public static partial class CommandLine
{
    private static Command ProceduresCommand()
    {
        var command = new Command("procedures", "The catalogue of administrative procedures (thủ tục hành chính).");

        var file = new Argument<FileInfo>("file") { Description = "CSV or XLSX with Vietnamese or English headers (see the import page for the columns)." };
        var import = new Command("import", "Import procedures from CSV or XLSX. All-or-nothing; re-importing matches by code.") { file };
        import.SetAction((parse, cancellationToken) => CliHost.RunAsync((services, ct) =>
            ImportTabularAsync(parse.GetValue(file)!, (stream, format) => services.GetRequiredService<ProcedureImporter>().ImportAsync(stream, format, Actor.Cli, ct)), cancellationToken));

        var sector = new Option<string?>("--sector") { Description = "Only this sector (exact name)." };
        var search = new Option<string?>("--search", "-q") { Description = "Code or name contains this (case and diacritics ignored)." };
        var list = new Command("list", "List procedures with their deadlines.") { sector, search };
        list.SetAction((parse, cancellationToken) => CliHost.RunAsync(async (services, ct) =>
        {
            var procedures = await services.GetRequiredService<ProcedureService>().ListAsync(new ProcedureFilter(parse.GetValue(sector), Q: parse.GetValue(search)), ct);
            var table = new Table().AddColumns("Code", "Procedure", "Sector", "Level", "Deadline", "Online");
            foreach (var p in procedures)
                table.AddRow(Markup.Escape(p.Code), Markup.Escape(p.NameVi), Markup.Escape(p.Sector), ProcedureLabels.LevelEn(p.Level), Markup.Escape(ProcedureDeadlines.DescribeEn(p)), ProcedureLabels.OnlineEn(p.OnlineLevel));
            if (procedures.Count > 0)
                WideConsole().Write(table);
            Console.WriteLine($"{procedures.Count} procedure(s).");
            return 0;
        }, cancellationToken));

        command.Subcommands.Add(import);
        command.Subcommands.Add(list);
        return command;
    }
}
