using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ParIndex.Accounts;
using ParIndex.Audit;
using ParIndex.Demo;
using ParIndex.Frameworks;
using ParIndex.Publication;
using ParIndex.Results;
using ParIndex.Units;

namespace ParIndex.Data;

/// <summary>
/// Stores the demo city (src/ParIndex/Demo) in an empty database: units, blocks, lineage, published
/// frameworks, final inputs for every unit and leaf, computed and published results for 2023–2025, SIPAS and
/// counter-rating responses, the procedure catalogue and a year (2025) of synthetic one-stop dossiers through the real
/// importer (<c>Demo:Dossiers</c>, default 200,000; 0 for none), and one demo user per role. Deterministic; refuses to
/// touch a database that already holds units.
/// </summary>
public sealed class DemoSeeder(
    AppDbContext db,
    FrameworkService frameworks,
    ResultsComputation computation,
    PublicationService publication,
    UserManager<AppUser> users,
    RoleManager<IdentityRole> roles,
    AuditLog audit,
    TimeProvider clock,
    Surveys.SurveyDemoData surveys,
    Dossiers.DemoDossiers dossiers,
    IConfiguration configuration)
{
    private const string Actor = "demo-seed";

    /// <summary>The year the demo's dossiers are received in: the last demo year, whose disclosure and 766 indicators the demo shows.</summary>
    public const int DossierYear = 2025;
    public const int DefaultDossierCount = 200_000;

    public async Task<bool> SeedAsync(IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        if (await db.Units.AnyAsync(cancellationToken))
            return false;

        progress?.Report("Tài khoản quản trị / administrator");
        await EnsureAdministratorAsync();

        progress?.Report($"{DemoCity.Units.Count} đơn vị / units");
        var units = await AddUnitsAsync(cancellationToken);

        progress?.Report($"{DemoCity.Blocks.Count} khối và {DemoCity.Lineage.Count} quan hệ kế thừa / blocks and successions");
        await AddBlocksAndLineageAsync(units, cancellationToken);

        foreach (var year in DemoCity.Years)
        {
            foreach (var block in DemoCity.BlocksOf(year))
            {
                progress?.Report($"{year} {block.Code}: bộ tiêu chí và điểm / framework and scores");
                var definition = DemoFrameworks.Build(year, block.Code);
                var draft = await frameworks.SaveDraftAsync(year, block.Code, definition, null, Actor, cancellationToken);
                if (!draft.Succeeded)
                    throw new InvalidOperationException($"Demo framework {year}/{block.Code} is invalid: {string.Join("; ", draft.Problems?.Lines() ?? [])}");
                await frameworks.PublishAsync(draft.Value!.Id, Actor, cancellationToken);
                AddScores(definition, block, units, year);
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
            }
            progress?.Report($"{year}: tính Chỉ số / computing");
            var (_, problems) = await computation.ComputeYearAsync(year, Actor, cancellationToken: cancellationToken);
            if (problems.Count > 0)
                throw new InvalidOperationException($"Demo results {year}: {string.Join("; ", problems)}");
            foreach (var block in DemoCity.BlocksOf(year))
                await publication.PublishDemoAsync(year, block.Code, Actor, cancellationToken);
        }
        await surveys.SeedAsync(progress, cancellationToken);
        var dossierCount = configuration.GetValue("Demo:Dossiers", DefaultDossierCount);
        if (dossierCount > 0)
        {
            progress?.Report($"{dossierCount:N0} hồ sơ một cửa năm {DossierYear} / one-stop dossiers");
            db.ChangeTracker.Clear();
            await dossiers.GenerateAsync(DossierYear, dossierCount, cancellationToken: cancellationToken);
        }
        audit.Record(Actor, "demo.seeded", "database", "demo", null, $"{DemoCity.Units.Count} units, years {string.Join(", ", DemoCity.Years)}");
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>The roles and one demo user per role (Accounts/DemoAccounts.cs), all with the demo password.</summary>
    private async Task EnsureAdministratorAsync() => await DemoAccounts.EnsureAsync(db, users, roles, clock);

    private async Task<Dictionary<string, Unit>> AddUnitsAsync(CancellationToken cancellationToken)
    {
        var units = DemoCity.Units.ToDictionary(u => u.Code, u => new Unit
        {
            Code = u.Code, NameVi = u.NameVi, NameEn = u.NameEn, Kind = KindOf(u.Kind), ValidFrom = u.ValidFrom, ValidTo = u.ValidTo,
        });
        foreach (var demo in DemoCity.Units.Where(u => u.ParentCode is not null))
            units[demo.Code].Parent = units[demo.ParentCode!];
        db.Units.AddRange(units.Values);
        await db.SaveChangesAsync(cancellationToken);
        return units;
    }

    private async Task AddBlocksAndLineageAsync(Dictionary<string, Unit> units, CancellationToken cancellationToken)
    {
        foreach (var block in DemoCity.Blocks)
        {
            db.Blocks.Add(new Block
            {
                Year = block.Year, Code = block.Code, NameVi = block.NameVi, NameEn = block.NameEn,
                Members = block.UnitCodes.Select(code => new BlockMember { Unit = units[code], Year = block.Year }).ToList(),
            });
        }
        foreach (var succession in DemoCity.Lineage)
        {
            db.Successions.Add(new UnitSuccession
            {
                Predecessor = units[succession.PredecessorCode], Successor = units[succession.SuccessorCode],
                EffectiveDate = succession.EffectiveDate, Kind = succession.Kind,
            });
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private void AddScores(Core.Frameworks.FrameworkDefinition definition, DemoBlock block, Dictionary<string, Unit> units, int year)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var unitCode in block.UnitCodes)
        {
            foreach (var (nodeCode, input) in DemoScores.InputsFor(definition, unitCode, year))
            {
                var score = new LeafScore { Year = year, UnitId = units[unitCode].Id, NodeCode = nodeCode, Stage = ScoreStage.Final, UpdatedAtUtc = now, UpdatedBy = Actor };
                score.Apply(input);
                db.LeafScores.Add(score);
            }
        }
    }

    private static UnitKind KindOf(DemoUnitKind kind) => kind switch
    {
        DemoUnitKind.Department => UnitKind.Department,
        DemoUnitKind.District => UnitKind.District,
        DemoUnitKind.ThuDucCity => UnitKind.ThuDucCity,
        DemoUnitKind.Ward => UnitKind.Ward,
        _ => UnitKind.Other,
    };
}
