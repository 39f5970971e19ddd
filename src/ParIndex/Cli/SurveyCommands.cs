using System.CommandLine;
using ParIndex.Surveys;
using ParIndex.Web;

namespace ParIndex.Cli;

public static partial class CommandLine
{
    /// <summary><c>parindex import survey-responses FILE --campaign CODE</c> and <c>parindex import questionnaire FILE.json</c>.</summary>
    private static IEnumerable<Command> SurveyImportCommands()
    {
        var file = new Argument<FileInfo>("file") { Description = "CSV or XLSX: ma_don_vi, nhom, kenh, ngay and one column per question code." };
        var campaign = new Option<string>("--campaign") { Description = "The campaign code (e.g. SIPAS-2025).", Required = true };
        var responses = new Command("survey-responses", "Import paper, phone or face-to-face interviews into a survey campaign. All-or-nothing; the same file twice adds nothing.") { file, campaign };
        responses.SetAction((parse, cancellationToken) => CliHost.RunAsync((services, ct) =>
            ImportTabularAsync(parse.GetValue(file)!, (stream, format) => services.GetRequiredService<ResponseImporter>().ImportAsync(parse.GetValue(campaign)!, stream, format, Actor.Cli, ct)), cancellationToken));

        var json = new Argument<FileInfo>("file") { Description = "A questionnaire as JSON (see docs/surveys.md)." };
        var questionnaire = new Command("questionnaire", "Store a questionnaire (JSON) as the next version of its code.") { json };
        questionnaire.SetAction((parse, cancellationToken) => CliHost.RunAsync(async (services, ct) =>
        {
            var path = parse.GetValue(json)!;
            if (!path.Exists)
                throw new CliError($"{path.FullName}: file not found.");
            var definition = Core.Surveys.QuestionnaireDefinition.FromJson(await File.ReadAllTextAsync(path.FullName, ct), out var error)
                ?? throw new CliError($"{path.Name}: {error}");
            var saved = await services.GetRequiredService<QuestionnaireService>().SaveVersionAsync(definition, Actor.Cli, ct);
            if (!saved.Succeeded)
                throw new CliError(saved.Problems?.Lines().Select(l => $"{path.Name}: {l}") ?? [$"{path.Name}: not saved."]);
            Console.WriteLine($"Questionnaire {saved.Value!.Code} version {saved.Value.Version}.");
            return 0;
        }, cancellationToken));
        return [responses, questionnaire];
    }

    /// <summary><c>parindex export survey-results --campaign CODE [--format csv|xlsx] [-o FILE]</c>.</summary>
    private static IEnumerable<Command> SurveyExportCommands()
    {
        var campaign = new Option<string>("--campaign") { Description = "The campaign code.", Required = true };
        var format = new Option<SurveyExportFormat>("--format") { Description = "csv or xlsx.", DefaultValueFactory = _ => SurveyExportFormat.Csv };
        var output = new Option<FileInfo?>("--output", "-o") { Description = "File to write (default: standard output for csv, a named file for xlsx)." };
        var language = new Option<string>("--lang") { Description = "vi or en (column headers).", DefaultValueFactory = _ => "vi" };
        var command = new Command("survey-results", "Export a survey campaign's results per unit (published or not).") { campaign, format, output, language };
        command.SetAction((parse, cancellationToken) => CliHost.RunAsync(async (services, ct) =>
        {
            var results = await services.GetRequiredService<SurveyResultsService>().CampaignAsync(parse.GetValue(campaign)!, includeUnpublished: true, ct)
                          ?? throw new CliError($"There is no campaign '{parse.GetValue(campaign)}'.");
            var selected = parse.GetValue(format);
            var lang = parse.GetValue(language) == "en" ? Core.Language.En : Core.Language.Vi;
            var target = parse.GetValue(output) ?? (selected == SurveyExportFormat.Xlsx ? new FileInfo(SurveyExport.FileName(results, selected)) : null);
            if (target is null)
            {
                await using var stdout = Console.OpenStandardOutput();
                await SurveyExport.WriteAsync(results, selected, stdout, lang, ct);
                return 0;
            }
            await using (var file = target.Create())
                await SurveyExport.WriteAsync(results, selected, file, lang, ct);
            Console.Error.WriteLine($"Wrote {target.FullName} ({results.Results.Units.Count} units, {results.Campaign.Responses} responses).");
            return 0;
        }, cancellationToken));
        return [command];
    }
}
