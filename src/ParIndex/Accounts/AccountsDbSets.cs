using Microsoft.EntityFrameworkCore;
using ParIndex.Accounts.Tokens;

namespace ParIndex.Data;

public sealed partial class AppDbContext
{
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
}
