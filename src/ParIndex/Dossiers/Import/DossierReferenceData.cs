using Microsoft.EntityFrameworkCore;
using ParIndex.Core.Calendar;
using ParIndex.Data;

namespace ParIndex.Dossiers.Import;

/// <summary>What a row is checked against: units and procedures by code (loaded once per import, a few thousand rows).</summary>
internal sealed class DossierReferenceData
{
    public sealed record UnitRef(int Id, string Code, DateOnly ValidFrom, DateOnly? ValidTo);

    public sealed record ProcedureRef(int Id, string Code, DeadlinePolicy Policy, bool FeeBearing, OnlineLevel OnlineLevel);

    private readonly Dictionary<string, UnitRef> units;
    private readonly Dictionary<string, ProcedureRef> procedures;
    private readonly Dictionary<string, UnitRef>.AlternateLookup<ReadOnlySpan<char>> unitLookup;
    private readonly Dictionary<string, ProcedureRef>.AlternateLookup<ReadOnlySpan<char>> procedureLookup;

    public DossierReferenceData(IEnumerable<UnitRef> units, IEnumerable<ProcedureRef> procedures)
    {
        this.units = units.ToDictionary(u => u.Code, StringComparer.OrdinalIgnoreCase);
        this.procedures = procedures.ToDictionary(p => p.Code, StringComparer.OrdinalIgnoreCase);
        unitLookup = this.units.GetAlternateLookup<ReadOnlySpan<char>>();
        procedureLookup = this.procedures.GetAlternateLookup<ReadOnlySpan<char>>();
        ProceduresById = this.procedures.Values.ToDictionary(p => p.Id);
        UnitsById = this.units.Values.ToDictionary(u => u.Id);
    }

    public IReadOnlyDictionary<int, ProcedureRef> ProceduresById { get; }
    public IReadOnlyDictionary<int, UnitRef> UnitsById { get; }

    public static async Task<DossierReferenceData> LoadAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var units = await db.Units.AsNoTracking().Select(u => new UnitRef(u.Id, u.Code, u.ValidFrom, u.ValidTo)).ToListAsync(cancellationToken);
        var procedures = (await db.Procedures.AsNoTracking().ToListAsync(cancellationToken))
            .Select(p => new ProcedureRef(p.Id, p.Code, ProcedureDeadlines.PolicyFor(p), p.FeeBearing, p.OnlineLevel));
        return new DossierReferenceData(units, procedures);
    }

    public UnitRef? Unit(ReadOnlySpan<char> code) => unitLookup.TryGetValue(code, out var unit) ? unit : null;

    public ProcedureRef? Procedure(ReadOnlySpan<char> code) => procedureLookup.TryGetValue(code, out var procedure) ? procedure : null;
}
