using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using ParIndex.Core.Dossiers;
using ParIndex.Data;
using ParIndex.Web;

namespace ParIndex.Dossiers;

/// <summary>A unit's indicators for a period.</summary>
public sealed record UnitIndicators(int UnitId, string UnitCode, string UnitNameVi, string? UnitNameEn, DossierIndicators Indicators)
{
    public string UnitName => UiLanguage.IsEnglish && !string.IsNullOrWhiteSpace(UnitNameEn) ? UnitNameEn : UnitNameVi;
}

/// <summary>The disclosure of a period: every unit with dossiers, and the city's totals.</summary>
public sealed record DisclosureTable(DossierPeriod Period, DateOnly JudgedOn, IReadOnlyList<UnitIndicators> Units, DossierIndicators City);

/// <summary>
/// Indicators computed by SQL sums over the monthly statistics kept beside the dossiers (ADR 0010) — never by loading
/// or scanning dossier rows. Every period is whole months, and each indicator is a sum over one of three sets:
/// <list type="number">
/// <item>received in the period: <c>dossier_received_stats</c>, by month, unit and procedure;</item>
/// <item>ended in the period: <c>dossier_ended_stats</c>, by month and unit;</item>
/// <item>open at the end of the period: received by then and ended after it. The dossiers carry <c>open_span</c>
///   (how many month-ends they stayed open at), and <c>dossier_open_stats</c> counts them by span, month of receipt,
///   unit and first overdue day, so for each span s the dossiers open at the end of month P are exactly those with
///   that span received in the s months up to P — one key range per span, read from a small table of (span, first
///   month) pairs — and the overdue ones those whose first overdue day is not after the day they are judged.</item>
/// </list>
/// </summary>
public sealed class DossierIndicatorsQuery(AppDbContext db, DatabaseSettings settings, TimeProvider clock)
{
    private static readonly string ReceivedColumns = string.Join(", ", Stats.DossierStatsSql.ReceivedCounters.Select(Sum));
    private static readonly string EndedColumns = string.Join(", ", Stats.DossierStatsSql.EndedCounters.Select(Sum));

    /// <summary>A sum read as a 64-bit integer on both engines (PostgreSQL sums bigints as numeric).</summary>
    private static string Sum(string expression) => $"CAST(SUM({expression}) AS BIGINT)";

    /// <summary>The day open dossiers are judged at: the period's last day, or today while it runs.</summary>
    public DateOnly JudgedOn(DossierPeriod period) => period.JudgedOn(Core.Calendar.VietnamTime.LocalDate(clock.GetUtcNow()));

    /// <summary>One unit's indicators (a few index probes whatever the table's size).</summary>
    public async Task<DossierIndicators> UnitAsync(int unitId, DossierPeriod period, CancellationToken cancellationToken = default)
    {
        var counts = await CountsAsync(period, unitId, cancellationToken);
        return DossierIndicators.From(counts.GetValueOrDefault(unitId) ?? DossierCounts.Empty);
    }

    /// <summary>The city's indicators (the units' counts added up, and the city's distinct procedures).</summary>
    public async Task<DossierIndicators> CityAsync(DossierPeriod period, CancellationToken cancellationToken = default) =>
        (await DisclosureAsync(period, cancellationToken)).City;

    /// <summary>Every unit with dossiers in the period (sorted by Vietnamese name), and the city.</summary>
    public async Task<DisclosureTable> DisclosureAsync(DossierPeriod period, CancellationToken cancellationToken = default)
    {
        var cityProcedures = new HashSet<int>();
        var byUnit = await CountsAsync(period, null, cancellationToken, cityProcedures);
        var online = await OnlineProceduresAsync(cancellationToken);
        var ids = byUnit.Keys.ToList();
        var units = await db.Units.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.Code, u.NameVi, u.NameEn }).ToListAsync(cancellationToken);
        var rows = units
            .Select(u => new UnitIndicators(u.Id, u.Code, u.NameVi, u.NameEn, DossierIndicators.From(byUnit[u.Id])))
            .OrderBy(u => u.UnitNameVi, VietnameseText.Comparer)
            .ToList();
        var total = byUnit.Values.Aggregate(DossierCounts.Empty, (sum, c) => sum.Plus(c));
        return new DisclosureTable(period, JudgedOn(period), rows, DossierIndicators.From(total with
        {
            ProceduresUsed = cityProcedures.Count,
            ProceduresOnline = cityProcedures.Count(online.Contains),
        }));
    }

    /// <summary>
    /// Counts by unit id: every unit with dossiers in the period, or only <paramref name="unitId"/>. When
    /// <paramref name="procedures"/> is given it receives the distinct procedures of the dossiers received.
    /// </summary>
    public async Task<Dictionary<int, DossierCounts>> CountsAsync(DossierPeriod period, int? unitId, CancellationToken cancellationToken, HashSet<int>? procedures = null)
    {
        var months = string.Join(", ", period.MonthKeys());
        var unitFilter = unitId is { } id ? $" AND unit_id = {id.ToString(CultureInfo.InvariantCulture)}" : "";
        const string group = "unit_id";
        var judgedOn = JudgedOn(period);
        var result = new Dictionary<int, DossierCounts>();
        DossierCounts Get(int key) => result.GetValueOrDefault(key) ?? DossierCounts.Empty;

        var connection = db.Database.GetDbConnection();
        bool opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
            await connection.OpenAsync(cancellationToken);
        try
        {
            // Received: grouped by unit and procedure, which also gives the distinct procedures without another scan.
            var online = await OnlineProceduresAsync(cancellationToken);
            await ReadAsync(connection, $"SELECT {group}, procedure_id, {ReceivedColumns} FROM dossier_received_stats WHERE received_month IN ({months}){unitFilter} GROUP BY {group}, procedure_id HAVING SUM(received) > 0", r =>
            {
                int key = r.GetInt32(0);
                var c = Get(key);
                result[key] = c with
                {
                    Received = c.Received + r.GetInt64(2), ReceivedOnline = c.ReceivedOnline + r.GetInt64(3), ReceivedPostal = c.ReceivedPostal + r.GetInt64(4),
                    ReceivedEndToEnd = c.ReceivedEndToEnd + r.GetInt64(5), ReceivedDigitised = c.ReceivedDigitised + r.GetInt64(6),
                    ReceivedFeeBearing = c.ReceivedFeeBearing + r.GetInt64(7), ReceivedPaidOnline = c.ReceivedPaidOnline + r.GetInt64(8),
                    ReceivedWithPromise = c.ReceivedWithPromise + r.GetInt64(9),
                    ProceduresUsed = c.ProceduresUsed + 1, ProceduresOnline = c.ProceduresOnline + (online.Contains(r.GetInt32(1)) ? 1 : 0),
                };
                procedures?.Add(r.GetInt32(1));
            }, cancellationToken);

            await ReadAsync(connection, $"SELECT {group}, {EndedColumns} FROM dossier_ended_stats WHERE end_month IN ({months}){unitFilter} GROUP BY {group} HAVING SUM(resolved) > 0", r =>
            {
                int key = r.GetInt32(0);
                result[key] = Get(key) with
                {
                    Resolved = r.GetInt64(1), ResolvedOnTime = r.GetInt64(2), ResolvedLate = r.GetInt64(3), ResolvedLateWithApology = r.GetInt64(4),
                    ResolvedWithResult = r.GetInt64(5), ProcessingDaysTotal = r.GetInt64(6), ElectronicResults = r.GetInt64(7), Rated = r.GetInt64(8), NotSatisfied = r.GetInt64(9),
                };
            }, cancellationToken);

            var spans = await OpenSpansAsync(connection, period, cancellationToken);
            var date = DateLiteral(judgedOn);
            await ReadAsync(connection, $"""
                WITH s(span, lo) AS (VALUES {spans})
                SELECT d.unit_id, {Sum("d.pending")},
                    {Sum($"CASE WHEN d.overdue_from <= {date} THEN d.pending ELSE 0 END")},
                    {Sum($"CASE WHEN d.overdue_from <= {date} THEN d.with_apology ELSE 0 END")}
                FROM s JOIN dossier_open_stats d ON d.open_span = s.span AND d.received_month >= s.lo AND d.received_month <= {period.LastMonthKey}
                WHERE d.pending <> 0{unitFilter.Replace("unit_id", "d.unit_id")}
                GROUP BY d.unit_id HAVING SUM(d.pending) > 0
                """, r =>
            {
                int key = r.GetInt32(0);
                result[key] = Get(key) with { Pending = r.GetInt64(1), Overdue = r.GetInt64(2), OverdueWithApology = r.GetInt64(3) };
            }, cancellationToken);

        }
        finally
        {
            if (opened)
                await connection.CloseAsync();
        }
        return result;
    }

    /// <summary>The indicators of each month of a year, for a unit or the city (for the disclosure chart).</summary>
    public async Task<IReadOnlyList<(DossierPeriod Month, DossierIndicators Indicators)>> MonthsAsync(int year, int? unitId, CancellationToken cancellationToken = default)
    {
        var today = Core.Calendar.VietnamTime.LocalDate(clock.GetUtcNow());
        var result = new List<(DossierPeriod, DossierIndicators)>();
        foreach (var month in DossierPeriod.MonthsOf(year).Where(m => m.FirstDay <= today))
        {
            result.Add((month, unitId is { } id ? await UnitAsync(id, month, cancellationToken) : await CityAsync(month, cancellationToken)));
        }
        return result;
    }

    /// <summary>(span, first received month) pairs: 1…the largest finished span, and the "still open" span from the beginning.</summary>
    private static async Task<string> OpenSpansAsync(DbConnection connection, DossierPeriod period, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT MAX(open_span) FROM dossier_open_stats WHERE open_span < {Dossier.OpenNow} AND pending > 0";
        var max = await command.ExecuteScalarAsync(cancellationToken) is { } value and not DBNull ? Convert.ToInt32(value, CultureInfo.InvariantCulture) : 0;
        var values = new StringBuilder();
        for (int span = 1; span <= max; span++)
            values.Append(CultureInfo.InvariantCulture, $"({span}, {DossierPeriod.AddMonths(period.LastMonthKey, 1 - span)}), ");
        values.Append(CultureInfo.InvariantCulture, $"({Dossier.OpenNow}, 0)");
        return values.ToString();
    }

    private HashSet<int>? onlineProcedures;

    /// <summary>
    /// The procedures offered online (partially or end to end): a few thousand ids, read once per request (a year's
    /// chart asks for twelve months, and the disclosure table for the city's set as well as the units').
    /// </summary>
    private async Task<HashSet<int>> OnlineProceduresAsync(CancellationToken cancellationToken) =>
        onlineProcedures ??= [.. await db.Procedures.AsNoTracking().Where(p => p.OnlineLevel != OnlineLevel.None).Select(p => p.Id).ToListAsync(cancellationToken)];

    private string DateLiteral(DateOnly date) => settings.Provider == DatabaseProvider.Postgres
        ? $"DATE '{date:yyyy-MM-dd}'"
        : $"'{date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}'";

    private static async Task ReadAsync(DbConnection connection, string sql, Action<DbDataReader> read, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            read(reader);
    }
}
