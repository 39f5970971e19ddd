using Microsoft.EntityFrameworkCore;
using ParIndex.Campaign;

namespace ParIndex.Data;

public sealed partial class AppDbContext
{
    public DbSet<CampaignPhase> CampaignPhases => Set<CampaignPhase>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<OutboxEmail> OutboxEmails => Set<OutboxEmail>();
}
