using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ParIndex.Accounts;
using ParIndex.Accounts.Tokens;

namespace ParIndex.Data.Configurations;

/// <summary>Adds ParIndex's columns to Identity's user table; the unit a user is scoped to cannot be deleted under them.</summary>
internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> user)
    {
        user.Property(u => u.DisplayName).HasMaxLength(200);
        user.HasOne(u => u.Unit).WithMany().HasForeignKey(u => u.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> token)
    {
        token.Property(t => t.Name).HasMaxLength(100);
        token.Property(t => t.Prefix).HasMaxLength(16);
        token.HasIndex(t => t.Prefix).IsUnique();
        token.Property(t => t.SecretHash).HasMaxLength(64);
        token.Property(t => t.Scopes).HasMaxLength(200);
        token.Property(t => t.CreatedBy).HasMaxLength(256);
        token.Property(t => t.RevokedBy).HasMaxLength(256);
        token.Ignore(t => t.ScopeList);
        token.HasOne(t => t.Unit).WithMany().HasForeignKey(t => t.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
