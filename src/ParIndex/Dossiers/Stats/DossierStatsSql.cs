namespace ParIndex.Dossiers.Stats;

/// <summary>The statistics tables' columns, and the SQL that rebuilds them from the dossiers (the same on both engines).</summary>
internal static class DossierStatsSql
{
    public const string ReceivedTable = "dossier_received_stats";
    public const string EndedTable = "dossier_ended_stats";
    public const string OpenTable = "dossier_open_stats";

    public static readonly string[] ReceivedKeys = ["received_month", "unit_id", "procedure_id"];
    public static readonly string[] ReceivedCounters = ["received", "online", "postal", "end_to_end", "digitised", "fee_bearing", "paid_online", "with_promise"];
    public static readonly string[] EndedKeys = ["end_month", "unit_id"];
    public static readonly string[] EndedCounters = ["resolved", "on_time", "late", "late_with_apology", "with_result", "processing_days", "electronic_results", "rated", "not_satisfied"];
    public static readonly string[] OpenKeys = ["open_span", "received_month", "unit_id", "overdue_from"];
    public static readonly string[] OpenCounters = ["pending", "with_apology"];

    /// <summary>
    /// Inserts one key's counters, or adds them to the stored ones. <paramref name="parameter"/> names the n-th
    /// value (keys first, then counters): "?1" for SQLite's raw API, "@p0" for ADO.NET.
    /// </summary>
    public static string Upsert(string table, string[] keys, string[] counters, Func<int, string> parameter) =>
        $"INSERT INTO {table} ({string.Join(", ", keys.Concat(counters))}) VALUES ({string.Join(", ", Enumerable.Range(0, keys.Length + counters.Length).Select(parameter))}) " +
        OnConflictAdd(table, keys, counters);

    public static string OnConflictAdd(string table, string[] keys, string[] counters) =>
        $"ON CONFLICT ({string.Join(", ", keys)}) DO UPDATE SET {string.Join(", ", counters.Select(c => $"{c} = {table}.{c} + excluded.{c}"))}";

    /// <summary>
    /// Recomputes the three tables from the dossiers (migration 0002, the demo seeder after its bulk apology flag,
    /// <c>parindex dossiers rebuild-stats</c>). Meant to run in one transaction.
    /// </summary>
    public static readonly string[] Rebuild =
    [
        $"DELETE FROM {ReceivedTable}",
        $"""
        INSERT INTO {ReceivedTable} (received_month, unit_id, procedure_id, received, online, postal, end_to_end, digitised, fee_bearing, paid_online, with_promise)
        SELECT received_month, unit_id, procedure_id, COUNT(*),
            SUM(CASE WHEN channel = 2 THEN 1 ELSE 0 END), SUM(CASE WHEN channel = 3 THEN 1 ELSE 0 END),
            SUM(CASE WHEN end_to_end THEN 1 ELSE 0 END), SUM(CASE WHEN digitised THEN 1 ELSE 0 END),
            SUM(CASE WHEN payment <> 0 THEN 1 ELSE 0 END), SUM(CASE WHEN payment = 2 THEN 1 ELSE 0 END),
            SUM(CASE WHEN due_promised THEN 1 ELSE 0 END)
        FROM dossiers GROUP BY received_month, unit_id, procedure_id
        """,
        $"DELETE FROM {EndedTable}",
        $"""
        INSERT INTO {EndedTable} (end_month, unit_id, resolved, on_time, late, late_with_apology, with_result, processing_days, electronic_results, rated, not_satisfied)
        SELECT end_month, unit_id, COUNT(*),
            SUM(CASE WHEN outcome = 1 THEN 1 ELSE 0 END), SUM(CASE WHEN outcome = 2 THEN 1 ELSE 0 END),
            SUM(CASE WHEN outcome = 2 AND has_apology THEN 1 ELSE 0 END),
            COUNT(processing_days), COALESCE(SUM(processing_days), 0),
            SUM(CASE WHEN electronic_result THEN 1 ELSE 0 END), SUM(CASE WHEN rating <> 0 THEN 1 ELSE 0 END),
            SUM(CASE WHEN rating = 3 THEN 1 ELSE 0 END)
        FROM dossiers WHERE end_month IS NOT NULL GROUP BY end_month, unit_id
        """,
        $"DELETE FROM {OpenTable}",
        $"""
        INSERT INTO {OpenTable} (open_span, received_month, unit_id, overdue_from, pending, with_apology)
        SELECT open_span, received_month, unit_id, COALESCE(overdue_from, '9999-12-31'), COUNT(*), SUM(CASE WHEN has_apology THEN 1 ELSE 0 END)
        FROM dossiers WHERE open_span IS NOT NULL GROUP BY open_span, received_month, unit_id, COALESCE(overdue_from, '9999-12-31')
        """,
    ];
}
