using Microsoft.EntityFrameworkCore;
using ParIndex.AppraisalCouncil;

namespace ParIndex.Data;

public sealed partial class AppDbContext
{
    public DbSet<CouncilYear> CouncilYears => Set<CouncilYear>();
    public DbSet<CouncilDecision> CouncilDecisions => Set<CouncilDecision>();
    public DbSet<CouncilOverride> CouncilOverrides => Set<CouncilOverride>();
}
