using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using ParIndex.Core;
using ParIndex.Core.Calendar;
using ParIndex.Data;

namespace ParIndex.Audit;

/// <summary>Who may read the audit trail: administrators and viewers (inspectors).</summary>
public static class AuditPolicies
{
    public const string Reader = "AuditReader";
}

/// <summary>
/// What to show of the trail. <see cref="Key"/> matches a key and everything under it on '/' boundaries
/// ("2025/Q1" finds "2025/Q1" and "2025/Q1/1.2.3", not "2025/Q10"); a trailing '*' makes it a plain prefix.
/// <see cref="Unit"/> finds the entries about one unit: the unit itself and keys shaped <c>{year}/{unit}</c> or
/// <c>{year}/{unit}/…</c> (scores, self-assessments, evidence of that unit). Dates are Vietnamese calendar days, both included.
/// </summary>
public sealed record AuditFilter
{
    public string? EntityType { get; init; }
    public string? Key { get; init; }
    public string? Actor { get; init; }
    public string? Action { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public string? Unit { get; init; }

    public bool IsEmpty => EntityType is null && Key is null && Actor is null && Action is null && From is null && To is null && Unit is null;
}

public sealed record AuditPage(IReadOnlyList<AuditEntry> Items, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>Reads the audit trail (it never changes it): filtered pages, the values offered in the filters, and CSV export.</summary>
public sealed class AuditQuery(AppDbContext db)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    /// <summary>Entity types whose keys start with a year and a code that is not a unit's (blocks, results, frameworks).</summary>
    private static readonly string[] NotUnitKeyed = ["block", "results", "framework"];

    public async Task<AuditPage> PageAsync(AuditFilter filter, int page, int pageSize = DefaultPageSize, CancellationToken cancellationToken = default)
    {
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        var query = Apply(db.AuditEntries.AsNoTracking(), filter);
        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(e => e.AtUtc).ThenByDescending(e => e.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new AuditPage(items, total, page, pageSize);
    }

    /// <summary>Every matching entry, newest first, read in batches (an export of the whole trail never sits in memory).</summary>
    public async IAsyncEnumerable<AuditEntry> AllAsync(AuditFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        const int batch = 2000;
        DateTime? lastAt = null;
        long lastId = 0;
        while (true)
        {
            var query = Apply(db.AuditEntries.AsNoTracking(), filter);
            if (lastAt is { } at)
                query = query.Where(e => e.AtUtc < at || (e.AtUtc == at && e.Id < lastId));
            var items = await query.OrderByDescending(e => e.AtUtc).ThenByDescending(e => e.Id).Take(batch).ToListAsync(cancellationToken);
            foreach (var item in items)
                yield return item;
            if (items.Count < batch)
                yield break;
            lastAt = items[^1].AtUtc;
            lastId = items[^1].Id;
        }
    }

    public async Task<IReadOnlyList<string>> EntityTypesAsync(CancellationToken cancellationToken = default) =>
        await db.AuditEntries.AsNoTracking().Select(e => e.EntityType).Distinct().OrderBy(t => t).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<string>> ActionsAsync(CancellationToken cancellationToken = default) =>
        await db.AuditEntries.AsNoTracking().Select(e => e.Action).Distinct().OrderBy(a => a).ToListAsync(cancellationToken);

    public static IQueryable<AuditEntry> Apply(IQueryable<AuditEntry> query, AuditFilter filter)
    {
        if (Clean(filter.EntityType) is { } type)
            query = query.Where(e => e.EntityType == type);
        if (Clean(filter.Key) is { } key)
        {
            if (key.EndsWith('*'))
            {
                var prefix = key.TrimEnd('*');
                query = query.Where(e => e.EntityKey.StartsWith(prefix));
            }
            else
            {
                var below = key + "/";
                query = query.Where(e => e.EntityKey == key || e.EntityKey.StartsWith(below));
            }
        }
        if (Clean(filter.Actor) is { } actor)
        {
            var lower = actor.ToLowerInvariant();
            query = query.Where(e => e.Actor.ToLower().Contains(lower));
        }
        if (Clean(filter.Action) is { } action)
            query = query.Where(e => e.Action.StartsWith(action));
        if (filter.From is { } from)
        {
            var start = VietnamTime.At(from, TimeOnly.MinValue).UtcDateTime;
            query = query.Where(e => e.AtUtc >= start);
        }
        if (filter.To is { } to)
        {
            var end = VietnamTime.At(to.AddDays(1), TimeOnly.MinValue).UtcDateTime;
            query = query.Where(e => e.AtUtc < end);
        }
        if (Clean(filter.Unit) is { } unit)
        {
            var escaped = EscapeLike(unit);
            var exact = "____/" + escaped;
            var under = "____/" + escaped + "/%";
            query = query.Where(e =>
                (e.EntityType == "unit" && e.EntityKey == unit)
                || (!NotUnitKeyed.Contains(e.EntityType)
                    && (EF.Functions.Like(e.EntityKey, exact, "\\") || EF.Functions.Like(e.EntityKey, under, "\\"))));
        }
        return query;
    }

    /// <summary>
    /// Writes entries as CSV for Excel: UTF-8 with a byte-order mark (so Excel reads Vietnamese correctly), CRLF, headers
    /// in the reader's language, instants in Vietnamese time. A cell that a spreadsheet would run as a formula (starting
    /// with =, +, -, @) gets a leading apostrophe, since old and new values and reasons are text people typed.
    /// </summary>
    public static async Task WriteCsvAsync(IAsyncEnumerable<AuditEntry> entries, Stream output, Language language, CancellationToken cancellationToken = default)
    {
        await using var writer = new StreamWriter(output, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 1 << 16, leaveOpen: true) { NewLine = "\r\n" };
        var vi = language == Language.Vi;
        string[] headers = vi
            ? ["Mã", "Thời điểm (giờ Việt Nam)", "Người thực hiện", "Hành động", "Loại đối tượng", "Khóa đối tượng", "Giá trị cũ", "Giá trị mới", "Lý do"]
            : ["Id", "At (Vietnam time)", "Actor", "Action", "Entity type", "Entity key", "Old value", "New value", "Reason"];
        await writer.WriteLineAsync(string.Join(",", headers.Select(Cell)));
        await foreach (var entry in entries.WithCancellation(cancellationToken))
        {
            await writer.WriteLineAsync(string.Join(",",
                entry.Id.ToString(CultureInfo.InvariantCulture),
                VietnamTime.ToLocal(new DateTimeOffset(DateTime.SpecifyKind(entry.AtUtc, DateTimeKind.Utc))).ToString("dd/MM/yyyy HH:mm:ss", CultureInfo.InvariantCulture),
                Cell(entry.Actor), Cell(entry.Action), Cell(entry.EntityType), Cell(entry.EntityKey),
                Cell(entry.OldValue), Cell(entry.NewValue), Cell(entry.Reason)));
        }
        await writer.FlushAsync(cancellationToken);
    }

    /// <summary>One CSV cell: quoted when it holds a comma, quote or line break; formula-like text neutralised.</summary>
    public static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value))
            return "";
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
            value = "'" + value;
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string EscapeLike(string text) => text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}
