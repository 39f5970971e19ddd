using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using ParIndex.Audit;
using ParIndex.Core.Surveys;
using ParIndex.Data;
using ParIndex.Web;
using static ParIndex.Web.Text;

namespace ParIndex.Surveys;

public sealed record QuestionnaireDto(int Id, string Code, int Version, QuestionnaireKind Kind, string TitleVi, string? TitleEn, DateTime CreatedAtUtc, string CreatedBy, int Questions)
{
    public static QuestionnaireDto From(Questionnaire q, QuestionnaireDefinition definition) =>
        new(q.Id, q.Code, q.Version, q.Kind, q.TitleVi, q.TitleEn, q.CreatedAtUtc, q.CreatedBy, definition.AllQuestions().Count());
}

/// <summary>
/// Questionnaire versions: a new definition for a code becomes the next version; stored versions never change
/// (responses keep the version they answered), so their parsed form is cached by id.
/// </summary>
public sealed class QuestionnaireService(AppDbContext db, AuditLog audit, TimeProvider clock)
{
    private static readonly ConcurrentDictionary<int, QuestionnaireDefinition> Parsed = new();

    public static QuestionnaireDefinition Definition(Questionnaire questionnaire) =>
        Parsed.GetOrAdd(questionnaire.Id, _ => QuestionnaireDefinition.FromJson(questionnaire.Definition, out var error)
            ?? throw new InvalidOperationException($"Stored questionnaire {questionnaire.Code} v{questionnaire.Version} does not parse: {error}"));

    public async Task<IReadOnlyList<QuestionnaireDto>> ListAsync(CancellationToken cancellationToken = default) =>
        (await db.Questionnaires.AsNoTracking().OrderBy(q => q.Code).ThenByDescending(q => q.Version).ToListAsync(cancellationToken))
        .Select(q => QuestionnaireDto.From(q, Definition(q))).ToList();

    public Task<Questionnaire?> FindAsync(string code, int? version, CancellationToken cancellationToken = default) =>
        version is { } v
            ? db.Questionnaires.AsNoTracking().FirstOrDefaultAsync(q => q.Code == code && q.Version == v, cancellationToken)
            : db.Questionnaires.AsNoTracking().Where(q => q.Code == code).OrderByDescending(q => q.Version).FirstOrDefaultAsync(cancellationToken);

    public Task<Questionnaire?> FindAsync(int id, CancellationToken cancellationToken = default) =>
        db.Questionnaires.AsNoTracking().FirstOrDefaultAsync(q => q.Id == id, cancellationToken);

    /// <summary>Stores the definition as the next version of its code (version 1 for a new code); audited.</summary>
    public async Task<Outcome<Questionnaire>> SaveVersionAsync(QuestionnaireDefinition definition, string actor, CancellationToken cancellationToken = default)
    {
        var found = QuestionnaireValidator.Validate(definition);
        if (found.Count > 0)
        {
            var problems = new Problems();
            foreach (var problem in found)
                problems.Add(problem.QuestionCode, problem.Message(UiLanguage.Current));
            return problems;
        }
        var latest = await FindAsync(definition.Code, null, cancellationToken);
        if (latest is not null && latest.Definition == definition.ToJson())
            return Outcome<Questionnaire>.Ok(latest);
        var questionnaire = new Questionnaire
        {
            Code = definition.Code,
            Version = (latest?.Version ?? 0) + 1,
            Kind = definition.Kind,
            TitleVi = definition.TitleVi,
            TitleEn = definition.TitleEn,
            Definition = definition.ToJson(),
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
            CreatedBy = actor,
        };
        db.Questionnaires.Add(questionnaire);
        audit.Record(actor, "questionnaire.version-added", "questionnaire", $"{questionnaire.Code}/v{questionnaire.Version}", null, questionnaire.TitleVi);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return Outcome<Questionnaire>.Clash(Problems.Of("code", T("Một phiên bản khác vừa được lưu cùng lúc; hãy thử lại.", "Another version was saved at the same moment; try again.")));
        }
        return Outcome<Questionnaire>.Ok(questionnaire);
    }

    /// <summary>Installs the shipped templates (SIPAS, sociological, counter) as version 1 where their code is unknown.</summary>
    public async Task<IReadOnlyList<Questionnaire>> EnsureTemplatesAsync(string actor, CancellationToken cancellationToken = default)
    {
        var result = new List<Questionnaire>();
        foreach (var template in SurveyTemplates.All)
        {
            var existing = await FindAsync(template.Code, null, cancellationToken);
            if (existing is not null)
            {
                result.Add(existing);
                continue;
            }
            var saved = await SaveVersionAsync(template, actor, cancellationToken);
            result.Add(saved.Value ?? throw new InvalidOperationException($"Template {template.Code}: {string.Join("; ", saved.Problems?.Lines() ?? [])}"));
        }
        return result;
    }
}
