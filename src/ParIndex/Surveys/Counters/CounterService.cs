using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ParIndex.Audit;
using ParIndex.Data;
using ParIndex.Web;
using static ParIndex.Web.Text;

namespace ParIndex.Surveys.Counters;

public sealed record CounterInput(string Code, string UnitCode, string NameVi, string? OfficerName);

public sealed record CounterDto(string Code, string UnitCode, string UnitName, string NameVi, string? OfficerName, bool Active, int Devices, int Ratings);

/// <summary>A device key as issued: shown once, only its hash is kept.</summary>
public sealed record IssuedDeviceKey(int DeviceId, string CounterCode, string Name, string Key);

public sealed record RatingInput(int Rating, string? DossierCode);

public sealed record RatingReceipt(bool Accepted, string Message);

/// <summary>Counters, their devices (API keys stored hashed) and the ratings they send.</summary>
public sealed partial class CounterService(AppDbContext db, CampaignService campaigns, CounterRatingWriter writer, AuditLog audit, TimeProvider clock)
{
    public async Task<IReadOnlyList<CounterDto>> ListAsync(CancellationToken cancellationToken = default)
    {
        var counters = await db.ServiceCounters.AsNoTracking().Include(c => c.Unit).ToListAsync(cancellationToken);
        var devices = await db.CounterDevices.AsNoTracking().Where(d => d.RevokedAtUtc == null).GroupBy(d => d.CounterId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
        var ratings = await db.CounterRatings.AsNoTracking().GroupBy(r => r.CounterId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
        return counters.OrderBy(c => c.Unit!.NameVi, VietnameseText.Comparer).ThenBy(c => c.Code, StringComparer.Ordinal)
            .Select(c => new CounterDto(c.Code, c.Unit!.Code, c.Unit.Name(UiLanguage.Current), c.NameVi, c.OfficerName, c.Active, devices.GetValueOrDefault(c.Id), ratings.GetValueOrDefault(c.Id)))
            .ToList();
    }

    public Task<ServiceCounter?> FindAsync(string code, CancellationToken cancellationToken = default) =>
        db.ServiceCounters.AsNoTracking().Include(c => c.Unit).FirstOrDefaultAsync(c => c.Code == code, cancellationToken);

    public async Task<Outcome<CounterDto>> CreateAsync(CounterInput input, string actor, CancellationToken cancellationToken = default)
    {
        var problems = new Problems();
        var code = input.Code?.Trim() ?? "";
        problems.AddIf(!CodePattern().IsMatch(code), "code", T("Mã quầy gồm chữ, số, '-', '_' hoặc '.', tối đa 32 ký tự.", "The counter code is letters, digits, '-', '_' or '.', at most 32."));
        problems.AddIf(string.IsNullOrWhiteSpace(input.NameVi), "nameVi", T("Thiếu tên quầy.", "The counter name is missing."));
        var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Code == input.UnitCode, cancellationToken);
        problems.AddIf(unit is null, "unitCode", T($"Không có đơn vị '{input.UnitCode}'.", $"There is no unit '{input.UnitCode}'."));
        if (code.Length > 0 && await db.ServiceCounters.AnyAsync(c => c.Code == code, cancellationToken))
            problems.Add("code", T($"Đã có quầy mã '{code}'.", $"A counter with code '{code}' already exists."));
        if (problems.Any)
            return problems;
        var counter = new ServiceCounter { Code = code, UnitId = unit!.Id, NameVi = input.NameVi.Trim(), OfficerName = string.IsNullOrWhiteSpace(input.OfficerName) ? null : input.OfficerName.Trim() };
        db.ServiceCounters.Add(counter);
        audit.Record(actor, "survey.counter-created", "counter", code, null, AuditLog.Json(new { unit = unit.Code, input.NameVi, input.OfficerName }));
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<CounterDto>.Ok(new CounterDto(code, unit.Code, unit.Name(UiLanguage.Current), counter.NameVi, counter.OfficerName, true, 0, 0));
    }

    /// <summary>Issues a key for a new device of the counter; the key is returned once and stored only as a hash.</summary>
    public async Task<Outcome<IssuedDeviceKey>> IssueDeviceKeyAsync(string counterCode, string name, string actor, CancellationToken cancellationToken = default)
    {
        var counter = await db.ServiceCounters.FirstOrDefaultAsync(c => c.Code == counterCode, cancellationToken);
        if (counter is null)
            return Outcome<IssuedDeviceKey>.Missing();
        var key = SurveyTokens.NewToken(15);
        var device = new CounterDevice
        {
            CounterId = counter.Id, Name = string.IsNullOrWhiteSpace(name) ? T("Thiết bị", "Device") : name.Trim(),
            KeyHash = SurveyTokens.Hash(key), KeyPrefix = key[..4], CreatedAtUtc = clock.GetUtcNow().UtcDateTime, CreatedBy = actor,
        };
        db.CounterDevices.Add(device);
        audit.Record(actor, "survey.device-key-issued", "counter", counterCode, null, AuditLog.Json(new { device = device.Name, prefix = device.KeyPrefix }));
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<IssuedDeviceKey>.Ok(new IssuedDeviceKey(device.Id, counterCode, device.Name, key));
    }

    public async Task<Outcome<bool>> RevokeDeviceAsync(int deviceId, string actor, CancellationToken cancellationToken = default)
    {
        var device = await db.CounterDevices.Include(d => d.Counter).FirstOrDefaultAsync(d => d.Id == deviceId, cancellationToken);
        if (device is null)
            return Outcome<bool>.Missing();
        device.RevokedAtUtc ??= clock.GetUtcNow().UtcDateTime;
        audit.Record(actor, "survey.device-key-revoked", "counter", device.Counter!.Code, device.KeyPrefix, null);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<bool>.Ok(true);
    }

    /// <summary>Checks and stores one rating of an authenticated device; durable when this returns Accepted.</summary>
    public async Task<Outcome<RatingReceipt>> RateAsync(CounterPrincipal device, RatingInput input)
    {
        var problems = new Problems();
        problems.AddIf(input.Rating is < 1 or > 3, "rating", T("Mức đánh giá là 3 (rất hài lòng), 2 (hài lòng) hoặc 1 (không hài lòng).", "The rating is 3 (very satisfied), 2 (satisfied) or 1 (not satisfied)."));
        var dossier = string.IsNullOrWhiteSpace(input.DossierCode) ? null : input.DossierCode.Trim();
        problems.AddIf(dossier is { Length: > 64 } || dossier is not null && !DossierPattern().IsMatch(dossier), "dossierCode",
            T("Mã hồ sơ gồm chữ, số, '-', '_', '.' hoặc '/', tối đa 64 ký tự.", "The dossier code is letters, digits, '-', '_', '.' or '/', at most 64."));
        if (problems.Any)
            return problems;
        var outcome = await writer.WriteAsync(new PendingRating(device.CounterId, device.UnitId, (short)input.Rating, dossier, campaigns.Today));
        return outcome == RatingOutcome.Accepted
            ? Outcome<RatingReceipt>.Ok(new RatingReceipt(true, T("Cảm ơn Ông/Bà đã đánh giá.", "Thank you for your rating.")))
            : Outcome<RatingReceipt>.Clash(Problems.Of("dossierCode", T($"Hồ sơ {dossier} đã được đánh giá. Mỗi hồ sơ chỉ đánh giá một lần.", $"Dossier {dossier} has already been rated. Each dossier is rated once.")));
    }

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,32}$")]
    private static partial Regex CodePattern();

    [GeneratedRegex("^[A-Za-z0-9_./-]{1,64}$")]
    private static partial Regex DossierPattern();
}
