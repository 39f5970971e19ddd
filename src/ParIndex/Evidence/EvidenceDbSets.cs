using Microsoft.EntityFrameworkCore;
using ParIndex.Evidence;

namespace ParIndex.Data;

public sealed partial class AppDbContext
{
    public DbSet<EvidenceDocument> EvidenceDocuments => Set<EvidenceDocument>();
    public DbSet<EvidenceLink> EvidenceLinks => Set<EvidenceLink>();
}
