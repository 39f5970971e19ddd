using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using ParIndex.Accounts;
using ParIndex.Audit;
using ParIndex.Frameworks;
using ParIndex.Results;
using ParIndex.Units;

namespace ParIndex.Data;

public sealed partial class AppDbContext(DbContextOptions<AppDbContext> options) : IdentityDbContext<AppUser>(options)
{
    public DbSet<Unit> Units => Set<Unit>();
    public DbSet<Block> Blocks => Set<Block>();
    public DbSet<BlockMember> BlockMembers => Set<BlockMember>();
    public DbSet<UnitSuccession> Successions => Set<UnitSuccession>();
    public DbSet<Framework> Frameworks => Set<Framework>();
    public DbSet<LeafScore> LeafScores => Set<LeafScore>();
    public DbSet<ResultSet> ResultSets => Set<ResultSet>();
    public DbSet<ResultRow> ResultRows => Set<ResultRow>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        SnakeCaseNames.Apply(builder);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configuration)
    {
        // Enums are stored by name so that the SQL reads plainly and reordering an enum cannot corrupt data.
        configuration.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
        configuration.Properties<decimal>().HavePrecision(18, 6);
    }
}
