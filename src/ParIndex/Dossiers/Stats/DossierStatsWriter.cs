using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;
using SQLitePCL;

namespace ParIndex.Dossiers.Stats;

/// <summary>
/// Adds a <see cref="DossierStatsDelta"/> to the statistics tables, inside the caller's transaction. SQLite: one
/// prepared upsert per table stepped through the raw API (a chunk of 20,000 dossiers touches about 10,000 keys);
/// PostgreSQL: one upsert per table over <c>unnest</c> of arrays.
/// </summary>
internal static class DossierStatsWriter
{
    public static async Task WriteAsync(DbConnection connection, DbTransaction? transaction, DossierStatsDelta delta, CancellationToken cancellationToken)
    {
        if (delta.IsEmpty)
            return;
        switch (connection)
        {
            case SqliteConnection sqlite:
                WriteSqlite(sqlite, delta);
                break;
            case NpgsqlConnection postgres:
                await WritePostgresAsync(postgres, (NpgsqlTransaction?)transaction, delta, cancellationToken);
                break;
            default:
                throw new NotSupportedException($"No statistics writer for {connection.GetType().Name}.");
        }
    }

    // ------------------------------------------------------------------ SQLite

    private static void WriteSqlite(SqliteConnection connection, DossierStatsDelta delta)
    {
        UpsertSqlite(connection, DossierStatsSql.ReceivedTable, DossierStatsSql.ReceivedKeys, DossierStatsSql.ReceivedCounters, delta.Received, (s, key) =>
        {
            raw.sqlite3_bind_int(s, 1, key.Month);
            raw.sqlite3_bind_int(s, 2, key.Unit);
            raw.sqlite3_bind_int(s, 3, key.Procedure);
        });
        UpsertSqlite(connection, DossierStatsSql.EndedTable, DossierStatsSql.EndedKeys, DossierStatsSql.EndedCounters, delta.Ended, (s, key) =>
        {
            raw.sqlite3_bind_int(s, 1, key.Month);
            raw.sqlite3_bind_int(s, 2, key.Unit);
        });
        UpsertSqlite(connection, DossierStatsSql.OpenTable, DossierStatsSql.OpenKeys, DossierStatsSql.OpenCounters, delta.Open, (s, key) =>
        {
            raw.sqlite3_bind_int(s, 1, key.Span);
            raw.sqlite3_bind_int(s, 2, key.Month);
            raw.sqlite3_bind_int(s, 3, key.Unit);
            // DateOnly as EF Core's SQLite provider stores it.
            Span<byte> date = stackalloc byte[10];
            key.OverdueFrom.TryFormat(date, out int written, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            raw.sqlite3_bind_text(s, 4, date[..written]);
        });
    }

    /// <summary>One prepared upsert for a table: the key bound by <paramref name="bindKey"/>, then the counters after it.</summary>
    private static void UpsertSqlite<TKey>(SqliteConnection connection, string table, string[] keys, string[] counters,
        Dictionary<TKey, long[]> rows, Action<sqlite3_stmt, TKey> bindKey) where TKey : notnull
    {
        var sql = DossierStatsSql.Upsert(table, keys, counters, i => "?" + (i + 1).ToString(CultureInfo.InvariantCulture));
        Check(connection, raw.sqlite3_prepare_v2(connection.Handle, sql, out var statement));
        using (statement)
            foreach (var (key, values) in rows)
            {
                if (DossierStatsDelta.IsZero(values))
                    continue;
                bindKey(statement, key);
                for (int i = 0; i < values.Length; i++)
                    raw.sqlite3_bind_int64(statement, keys.Length + 1 + i, values[i]);
                int rc = raw.sqlite3_step(statement);
                raw.sqlite3_reset(statement);
                Check(connection, rc);
            }
    }

    private static void Check(SqliteConnection connection, int rc)
    {
        if (rc != raw.SQLITE_OK && rc != raw.SQLITE_DONE && rc != raw.SQLITE_ROW)
            throw new SqliteException($"SQLite could not write the dossier statistics: {raw.sqlite3_errmsg(connection.Handle).utf8_to_string()}", rc);
    }

    // ------------------------------------------------------------------ PostgreSQL

    private static async Task WritePostgresAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, DossierStatsDelta delta, CancellationToken cancellationToken)
    {
        var received = delta.Received.Where(e => !DossierStatsDelta.IsZero(e.Value)).ToList();
        await UnnestAsync(connection, transaction, DossierStatsSql.ReceivedTable, DossierStatsSql.ReceivedKeys, DossierStatsSql.ReceivedCounters, received.Count,
            [received.Select(e => e.Key.Month).ToArray(), received.Select(e => e.Key.Unit).ToArray(), received.Select(e => e.Key.Procedure).ToArray()],
            received.Select(e => e.Value).ToList(), cancellationToken);
        var ended = delta.Ended.Where(e => !DossierStatsDelta.IsZero(e.Value)).ToList();
        await UnnestAsync(connection, transaction, DossierStatsSql.EndedTable, DossierStatsSql.EndedKeys, DossierStatsSql.EndedCounters, ended.Count,
            [ended.Select(e => e.Key.Month).ToArray(), ended.Select(e => e.Key.Unit).ToArray()],
            ended.Select(e => e.Value).ToList(), cancellationToken);
        var open = delta.Open.Where(e => !DossierStatsDelta.IsZero(e.Value)).ToList();
        await UnnestAsync(connection, transaction, DossierStatsSql.OpenTable, DossierStatsSql.OpenKeys, DossierStatsSql.OpenCounters, open.Count,
            [open.Select(e => e.Key.Span).ToArray(), open.Select(e => e.Key.Month).ToArray(), open.Select(e => e.Key.Unit).ToArray(), open.Select(e => e.Key.OverdueFrom).ToArray()],
            open.Select(e => e.Value).ToList(), cancellationToken);
    }

    private static async Task UnnestAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string table, string[] keys, string[] counters, int rows,
        Array[] keyColumns, List<long[]> counterRows, CancellationToken cancellationToken)
    {
        if (rows == 0)
            return;
        var sql = new StringBuilder();
        sql.Append(CultureInfo.InvariantCulture, $"INSERT INTO {table} ({string.Join(", ", keys.Concat(counters))}) SELECT * FROM unnest(");
        sql.Append(string.Join(", ", Enumerable.Range(0, keys.Length + counters.Length).Select(i => "@p" + i.ToString(CultureInfo.InvariantCulture))));
        sql.Append(") ").Append(DossierStatsSql.OnConflictAdd(table, keys, counters));
        await using var command = new NpgsqlCommand(sql.ToString(), connection, transaction);
        for (int k = 0; k < keyColumns.Length; k++)
            command.Parameters.AddWithValue("p" + k.ToString(CultureInfo.InvariantCulture), keyColumns[k]);
        for (int c = 0; c < counters.Length; c++)
        {
            var column = new long[rows];
            for (int r = 0; r < rows; r++)
                column[r] = counterRows[r][c];
            command.Parameters.AddWithValue("p" + (keyColumns.Length + c).ToString(CultureInfo.InvariantCulture), column);
        }
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
