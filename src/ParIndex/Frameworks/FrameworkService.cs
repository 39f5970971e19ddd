using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using ParIndex.Audit;
using ParIndex.Core;
using ParIndex.Core.Frameworks;
using ParIndex.Data;
using ParIndex.Web;
using static ParIndex.Web.Text;

namespace ParIndex.Frameworks;

/// <summary>
/// Stores criteria frameworks by block and year through their lifecycle: draft (editable) → published
/// (immutable) → superseded by a corrected revision. Every stored change is validated first and audited.
/// </summary>
public sealed class FrameworkService(AppDbContext db, AuditLog audit, TimeProvider clock)
{
    // Published revisions never change, so their parsed definitions can be shared; drafts are keyed by their stamp.
    private static readonly ConcurrentDictionary<(int Id, Guid Stamp), FrameworkDefinition> Parsed = new();

    public static FrameworkDefinition Definition(Framework framework) =>
        Parsed.GetOrAdd((framework.Id, framework.ConcurrencyStamp), _ =>
        {
            var result = FrameworkJson.Deserialize(framework.DefinitionJson);
            return result.Framework ?? throw new InvalidDataException($"Stored framework {framework.Id} is unreadable: {string.Join("; ", result.Problems)}");
        });

    public static FrameworkSummary Summary(Framework framework, string blockCode)
    {
        var definition = Definition(framework);
        return new FrameworkSummary(framework.Id, framework.Year, blockCode, framework.Revision, framework.Status, framework.TitleVi,
            definition.Leaves().Count(), definition.MaxPoints, framework.RevisionReason, framework.CreatedAtUtc, framework.PublishedAtUtc, framework.ConcurrencyStamp);
    }

    public async Task<IReadOnlyList<FrameworkSummary>> ListAsync(int? year, CancellationToken cancellationToken = default)
    {
        var query = db.Frameworks.AsNoTracking().Include(f => f.Block).AsQueryable();
        if (year is not null)
            query = query.Where(f => f.Year == year);
        var frameworks = await query.ToListAsync(cancellationToken);
        return frameworks
            .OrderByDescending(f => f.Year).ThenBy(f => f.Block!.Code, StringComparer.Ordinal).ThenByDescending(f => f.Revision)
            .Select(f => Summary(f, f.Block!.Code)).ToList();
    }

    public Task<Framework?> FindAsync(int id, CancellationToken cancellationToken = default) =>
        db.Frameworks.Include(f => f.Block).FirstOrDefaultAsync(f => f.Id == id, cancellationToken);

    /// <summary>The revision in force: the published one (there is at most one per block and year).</summary>
    public Task<Framework?> PublishedAsync(int year, string blockCode, CancellationToken cancellationToken = default) =>
        db.Frameworks.AsNoTracking().Include(f => f.Block)
            .FirstOrDefaultAsync(f => f.Year == year && f.Block!.Code == blockCode && f.Status == FrameworkStatus.Published, cancellationToken);

    /// <summary>The newest revision whatever its status (what an administrator edits).</summary>
    public Task<Framework?> LatestAsync(int year, string blockCode, CancellationToken cancellationToken = default) =>
        db.Frameworks.Include(f => f.Block)
            .Where(f => f.Year == year && f.Block!.Code == blockCode)
            .OrderByDescending(f => f.Revision)
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// Saves a draft for the block and year: creates revision 1, or replaces the open draft. A published
    /// framework is never overwritten (start a revision). <paramref name="expectedStamp"/> guards against
    /// two editors overwriting each other.
    /// </summary>
    public async Task<Outcome<Framework>> SaveDraftAsync(int year, string blockCode, FrameworkDefinition definition, Guid? expectedStamp, string actor, CancellationToken cancellationToken = default)
    {
        var block = await db.Blocks.FirstOrDefaultAsync(b => b.Year == year && b.Code == blockCode, cancellationToken);
        if (block is null)
            return Problems.Of("blockCode", T($"Không có khối '{blockCode}' năm {year}.", $"There is no block '{blockCode}' in {year}."));
        definition = definition with { Year = year, BlockCode = blockCode };
        if (ToProblems(FrameworkValidator.Validate(definition)) is { } invalid)
            return invalid;

        var latest = await LatestAsync(year, blockCode, cancellationToken);
        if (latest is { Status: not FrameworkStatus.Draft })
            return Outcome<Framework>.Clash(Problems.Of("status", T(
                $"Bộ tiêu chí năm {year} khối {blockCode} đã ban hành (phiên bản {latest.Revision}) nên không sửa được; hãy tạo phiên bản đính chính kèm lý do.",
                $"The {year} framework of block {blockCode} is published (revision {latest.Revision}) and cannot change; start a correcting revision with a reason.")));
        if (latest is not null && expectedStamp is not null && expectedStamp != latest.ConcurrencyStamp)
            return Outcome<Framework>.Clash(Problems.Of("concurrencyStamp", T(
                "Bản nháp đã được người khác sửa sau khi bạn mở. Hãy tải lại để xem thay đổi; nội dung của bạn chưa được lưu.",
                "Someone else changed the draft after you opened it. Reload to see their changes; yours were not saved.")));

        var json = FrameworkJson.Serialize(definition);
        if (latest is null)
        {
            latest = new Framework
            {
                Year = year, BlockId = block.Id, Block = block, Revision = 1, Status = FrameworkStatus.Draft,
                TitleVi = definition.TitleVi, DefinitionJson = json, CreatedAtUtc = Now(), CreatedBy = actor,
            };
            db.Frameworks.Add(latest);
            audit.Record(actor, "framework.draft-created", "framework", $"{year}/{blockCode}/r1", null, json);
        }
        else
        {
            var old = latest.DefinitionJson;
            latest.DefinitionJson = json;
            latest.TitleVi = definition.TitleVi;
            latest.ConcurrencyStamp = Guid.NewGuid();
            if (old != json)
                audit.Record(actor, "framework.draft-saved", "framework", $"{year}/{blockCode}/r{latest.Revision}", old, json);
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<Framework>.Clash(Problems.Of("concurrencyStamp", T("Bản nháp vừa được người khác lưu; nội dung của bạn chưa được lưu.", "The draft was just saved by someone else; yours was not saved.")));
        }
        return Outcome<Framework>.Ok(latest);
    }

    /// <summary>Publishes a draft: it becomes the revision in force and immutable; the previous published revision is superseded.</summary>
    public async Task<Outcome<Framework>> PublishAsync(int id, string actor, CancellationToken cancellationToken = default)
    {
        var framework = await FindAsync(id, cancellationToken);
        if (framework is null)
            return Outcome<Framework>.Missing();
        if (framework.Status != FrameworkStatus.Draft)
            return Outcome<Framework>.Clash(Problems.Of("status", T("Chỉ ban hành được bản nháp.", "Only a draft can be published.")));
        if (ToProblems(FrameworkValidator.Validate(Definition(framework))) is { } invalid)
            return invalid;
        var previous = await db.Frameworks.Where(f => f.BlockId == framework.BlockId && f.Status == FrameworkStatus.Published).ToListAsync(cancellationToken);
        foreach (var old in previous)
            old.Status = FrameworkStatus.Superseded;
        framework.Status = FrameworkStatus.Published;
        framework.PublishedAtUtc = Now();
        framework.PublishedBy = actor;
        framework.ConcurrencyStamp = Guid.NewGuid();
        audit.Record(actor, "framework.published", "framework", $"{framework.Year}/{framework.Block!.Code}/r{framework.Revision}",
            previous.Count == 0 ? null : $"r{previous[0].Revision}", $"r{framework.Revision}", framework.RevisionReason);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Framework>.Ok(framework);
    }

    /// <summary>Starts a correction of the published framework: a new draft revision with the same content and the reason recorded.</summary>
    public async Task<Outcome<Framework>> StartRevisionAsync(int year, string blockCode, string reason, string actor, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(reason))
            return Problems.Of("reason", T("Phải nêu lý do đính chính.", "A reason for the correction is required."));
        var latest = await LatestAsync(year, blockCode, cancellationToken);
        if (latest is null)
            return Outcome<Framework>.Missing();
        if (latest.Status == FrameworkStatus.Draft)
            return Outcome<Framework>.Clash(Problems.Of("status", T($"Đã có bản nháp (phiên bản {latest.Revision}).", $"A draft already exists (revision {latest.Revision}).")));
        var revision = new Framework
        {
            Year = year, BlockId = latest.BlockId, Revision = latest.Revision + 1, Status = FrameworkStatus.Draft, TitleVi = latest.TitleVi,
            DefinitionJson = latest.DefinitionJson, RevisionReason = reason.Trim(), CreatedAtUtc = Now(), CreatedBy = actor,
        };
        db.Frameworks.Add(revision);
        audit.Record(actor, "framework.revision-started", "framework", $"{year}/{blockCode}/r{revision.Revision}", $"r{latest.Revision}", $"r{revision.Revision}", revision.RevisionReason);
        await db.SaveChangesAsync(cancellationToken);
        revision.Block = latest.Block;
        return Outcome<Framework>.Ok(revision);
    }

    /// <summary>Starts next year's draft from a published framework, renumbering nodes by the code map and recording the crosswalk.</summary>
    public async Task<Outcome<Framework>> CloneAsync(CloneInput input, string actor, CancellationToken cancellationToken = default)
    {
        var source = await PublishedAsync(input.FromYear, input.FromBlockCode, cancellationToken)
                     ?? await LatestAsync(input.FromYear, input.FromBlockCode, cancellationToken);
        if (source is null)
            return Problems.Of("fromBlockCode", T($"Không có bộ tiêu chí năm {input.FromYear} khối {input.FromBlockCode}.", $"There is no framework for block {input.FromBlockCode} in {input.FromYear}."));
        var cloned = FrameworkCloner.Clone(Definition(source), input.ToYear, input.ToBlockCode, input.CodeMap);
        if (!cloned.Succeeded)
            return ToProblems(cloned.Problems)!;
        if (await LatestAsync(input.ToYear, input.ToBlockCode, cancellationToken) is not null)
            return Outcome<Framework>.Clash(Problems.Of("toBlockCode", T($"Khối {input.ToBlockCode} năm {input.ToYear} đã có bộ tiêu chí.", $"Block {input.ToBlockCode} already has a framework in {input.ToYear}.")));
        var title = cloned.Framework.TitleVi.Replace(input.FromYear.ToString(), input.ToYear.ToString());
        return await SaveDraftAsync(input.ToYear, input.ToBlockCode, cloned.Framework with { TitleVi = title }, null, actor, cancellationToken);
    }

    /// <summary>Framework problems as field problems keyed by their path, in the reader's language.</summary>
    public static Problems? ToProblems(IReadOnlyList<FrameworkProblem> problems)
    {
        if (problems.Count == 0)
            return null;
        var result = new Problems();
        foreach (var problem in problems)
            result.Add(problem.Path, problem.Message(UiLanguage.Current) + (problem.Line is { } line ? T($" (dòng {line}, cột {problem.Column})", $" (line {line}, column {problem.Column})") : ""));
        return result;
    }

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}
