using Microsoft.EntityFrameworkCore;
using ParIndex.Audit;
using ParIndex.Core.Calendar;
using ParIndex.Data;
using ParIndex.Web;
using static ParIndex.Web.Text;

namespace ParIndex.Accounts.Tokens;

/// <param name="ExpiresOn">Last day of validity (Vietnamese date); the token stops working at midnight that ends it. Null: no expiry.</param>
public sealed record ApiTokenInput(string? Name, IReadOnlyList<string>? Scopes, string? UnitCode, DateOnly? ExpiresOn);

public enum ApiTokenStatus { Active, Expired, Revoked }

/// <summary>A token as lists show it: never the secret, nor its hash.</summary>
public sealed record ApiTokenView(
    int Id, string Name, string Prefix, IReadOnlyList<string> Scopes, string? UnitCode, DateTime CreatedAtUtc, string CreatedBy,
    DateTime? ExpiresAtUtc, DateTime? LastUsedAtUtc, DateTime? RevokedAtUtc, string? RevokedBy, ApiTokenStatus Status);

/// <summary>A new token with its secret, which is shown this once and cannot be recovered.</summary>
public sealed record ApiTokenCreated(ApiTokenView Token, string Secret);

/// <summary>Creates, lists and revokes API tokens (administrators). Audited as entity "api-token", key the prefix.</summary>
public sealed class ApiTokenService(AppDbContext db, AuditLog audit, ApiTokenCache cache, TimeProvider clock)
{
    public const string AuditEntity = "api-token";

    public async Task<IReadOnlyList<ApiTokenView>> ListAsync(CancellationToken cancellationToken = default)
    {
        var tokens = await db.ApiTokens.AsNoTracking().Include(t => t.Unit).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        return tokens.Select(t => View(t, now))
            .OrderBy(t => t.Status).ThenByDescending(t => t.CreatedAtUtc).ThenByDescending(t => t.Id).ToList();
    }

    public async Task<Outcome<ApiTokenCreated>> CreateAsync(ApiTokenInput input, string actor, CancellationToken cancellationToken = default)
    {
        var problems = new Problems();
        var name = input.Name?.Trim() ?? "";
        problems.AddIf(name.Length == 0, "name", T("Nhập tên để nhận biết mã (ví dụ: Hệ thống một cửa điện tử).", "Enter a name to recognise the token (e.g. One-stop e-system)."));
        problems.AddIf(name.Length > 100, "name", T("Tên tối đa 100 ký tự.", "The name is at most 100 characters."));
        var scopes = (input.Scopes ?? []).Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim()).Distinct(StringComparer.Ordinal).ToList();
        foreach (var unknown in scopes.Where(s => !Accounts.Scopes.All.Contains(s)))
            problems.Add("scopes", T($"Không có phạm vi '{unknown}'.", $"There is no scope '{unknown}'."));
        problems.AddIf(scopes.Count == 0, "scopes", T("Chọn ít nhất một phạm vi.", "Choose at least one scope."));
        Units.Unit? unit = null;
        if (!string.IsNullOrWhiteSpace(input.UnitCode))
        {
            var code = input.UnitCode.Trim();
            unit = await db.Units.FirstOrDefaultAsync(u => u.Code == code, cancellationToken);
            problems.AddIf(unit is null, "unitCode", T($"Không có đơn vị '{code}'.", $"There is no unit '{code}'."));
        }
        var now = clock.GetUtcNow();
        DateTime? expires = input.ExpiresOn is { } day ? VietnamTime.At(day.AddDays(1), TimeOnly.MinValue).UtcDateTime : null;
        problems.AddIf(input.ExpiresOn is { } last && last < VietnamTime.LocalDate(now), "expiresOn",
            T("Ngày hết hạn đã qua.", "The expiry date is in the past."));
        if (problems.Any)
            return problems;

        var (secret, prefix) = ApiTokenSecret.New();
        var token = new ApiToken
        {
            Name = name, Prefix = prefix, SecretHash = ApiTokenSecret.Hash(secret),
            Scopes = string.Join(' ', scopes.Order(StringComparer.Ordinal)), Unit = unit,
            CreatedAtUtc = now.UtcDateTime, CreatedBy = actor, ExpiresAtUtc = expires,
        };
        db.ApiTokens.Add(token);
        audit.Record(actor, "api-token.created", AuditEntity, prefix, null,
            AuditLog.Json(new { name, scopes = token.ScopeList, unit = unit?.Code, expiresAtUtc = expires }));
        await db.SaveChangesAsync(cancellationToken);
        cache.Forget(prefix);
        return Outcome<ApiTokenCreated>.Ok(new ApiTokenCreated(View(token, now.UtcDateTime), secret));
    }

    /// <summary>Revokes a token: refused at once by this app instance, by others within the token cache time (30 s by default).</summary>
    public async Task<Outcome<ApiTokenView>> RevokeAsync(int id, string? reason, string actor, CancellationToken cancellationToken = default)
    {
        var token = await db.ApiTokens.Include(t => t.Unit).FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (token is null)
            return Outcome<ApiTokenView>.Missing();
        var now = clock.GetUtcNow().UtcDateTime;
        if (string.IsNullOrWhiteSpace(reason))
            return Problems.Of("reason", T("Nhập lý do thu hồi (được ghi vào nhật ký).", "Enter why the token is revoked (it is recorded in the audit trail)."));
        if (token.RevokedAtUtc is not null)
            return Outcome<ApiTokenView>.Clash(Problems.Of("id", T($"Mã {token.Prefix} đã bị thu hồi.", $"Token {token.Prefix} is already revoked.")));
        token.RevokedAtUtc = now;
        token.RevokedBy = actor;
        audit.Record(actor, "api-token.revoked", AuditEntity, token.Prefix, AuditLog.Json(new { revoked = false }), AuditLog.Json(new { revoked = true }), reason.Trim());
        await db.SaveChangesAsync(cancellationToken);
        cache.Forget(token.Prefix);
        return Outcome<ApiTokenView>.Ok(View(token, now));
    }

    private static ApiTokenView View(ApiToken token, DateTime now) => new(
        token.Id, token.Name, token.Prefix, token.ScopeList, token.Unit?.Code, token.CreatedAtUtc, token.CreatedBy, token.ExpiresAtUtc,
        token.LastUsedAtUtc, token.RevokedAtUtc, token.RevokedBy,
        token.RevokedAtUtc is not null ? ApiTokenStatus.Revoked : token.IsActiveAt(now) ? ApiTokenStatus.Active : ApiTokenStatus.Expired);
}
