using System.Data;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using ParIndex.Data;
using ParIndex.Dossiers.Import;
using SQLitePCL;

namespace ParIndex.Dossiers;

public sealed partial class DossierImporter
{
    /// <summary>
    /// SQLite fast path: one prepared upsert statement stepped through SQLitePCL's raw API (no ADO.NET command, no
    /// string per value: instants are written as EF Core writes them, "yyyy-MM-dd HH:mm:ss", into a stack buffer),
    /// one transaction per chunk, and a 64 MB page cache for the import's connection so that the code and month
    /// indexes stay in memory.
    /// </summary>
    private sealed class SqliteChunkWriter(AppDbContext db) : ChunkWriter
    {
        internal const string UpsertSql = """
            INSERT INTO dossiers (code, unit_id, procedure_id, channel, received_at_utc, received_month, due_at_utc, due_promised,
                ended_at_utc, end_kind, end_month, open_span, outcome, overdue_from, supplement_requests, paused_days, processing_days,
                payment, digitised, electronic_result, end_to_end, rating, has_apology, events, batch_id, updated_at_utc)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, 0, ?23, ?24, ?25)
            ON CONFLICT (code) DO UPDATE SET
                unit_id = excluded.unit_id, procedure_id = excluded.procedure_id, channel = excluded.channel,
                received_at_utc = excluded.received_at_utc, received_month = excluded.received_month, due_at_utc = excluded.due_at_utc,
                due_promised = excluded.due_promised, ended_at_utc = excluded.ended_at_utc, end_kind = excluded.end_kind,
                end_month = excluded.end_month, open_span = excluded.open_span, outcome = excluded.outcome, overdue_from = excluded.overdue_from,
                supplement_requests = excluded.supplement_requests, paused_days = excluded.paused_days, processing_days = excluded.processing_days,
                payment = excluded.payment, digitised = excluded.digitised, electronic_result = excluded.electronic_result,
                end_to_end = excluded.end_to_end, rating = excluded.rating, events = excluded.events, batch_id = excluded.batch_id,
                updated_at_utc = excluded.updated_at_utc
            RETURNING id
            """;

        private SqliteConnection connection = null!;
        private sqlite3_stmt? upsert;
        private SqliteTransaction? transaction;
        private long previousCacheSize;
        private long[] ids = [];

        public override bool AcceptsRepeatedCodes => true;

        public override async Task OpenAsync(CancellationToken cancellationToken)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            connection = (SqliteConnection)db.Database.GetDbConnection();
            previousCacheSize = (long)(await ScalarAsync("PRAGMA cache_size", cancellationToken) ?? -2000L);
            await ExecuteAsync("PRAGMA cache_size = -65536", cancellationToken);
            Check(raw.sqlite3_prepare_v2(connection.Handle, UpsertSql, out var statement), "prepare");
            upsert = statement;
        }

        public override async Task<long> MaxIdAsync(CancellationToken cancellationToken) =>
            Convert.ToInt64(await ScalarAsync("SELECT COALESCE(MAX(id), 0) FROM dossiers", cancellationToken), CultureInfo.InvariantCulture);

        public override Task BeginAsync(CancellationToken cancellationToken)
        {
            transaction = connection.BeginTransaction(deferred: false);
            return Task.CompletedTask;
        }

        public override Task<long[]> WriteAsync(StagedDossier[] rows, int count, int batchId, DateTime now, CancellationToken cancellationToken)
        {
            if (ids.Length < count)
                ids = new long[rows.Length];
            var s = upsert!;
            Span<byte> text = stackalloc byte[32];
            for (int i = 0; i < count; i++)
            {
                ref readonly var d = ref rows[i];
                if (d.Code is null)
                    continue;
                BindText(s, 1, d.Code);
                raw.sqlite3_bind_int(s, 2, d.UnitId);
                raw.sqlite3_bind_int(s, 3, d.ProcedureId);
                raw.sqlite3_bind_int(s, 4, (int)d.Channel);
                BindInstant(s, 5, d.ReceivedAtUtc, text);
                raw.sqlite3_bind_int(s, 6, d.ReceivedMonth);
                BindInstant(s, 7, d.DueAtUtc, text);
                raw.sqlite3_bind_int(s, 8, d.DuePromised ? 1 : 0);
                if (d.EndedAtUtc is { } ended) BindInstant(s, 9, ended, text); else raw.sqlite3_bind_null(s, 9);
                if (d.EndKind is { } kind) raw.sqlite3_bind_int(s, 10, (int)kind); else raw.sqlite3_bind_null(s, 10);
                if (d.EndMonth is { } endMonth) raw.sqlite3_bind_int(s, 11, endMonth); else raw.sqlite3_bind_null(s, 11);
                if (d.OpenSpan is { } span) raw.sqlite3_bind_int(s, 12, span); else raw.sqlite3_bind_null(s, 12);
                raw.sqlite3_bind_int(s, 13, (int)d.Outcome);
                if (d.OverdueFrom is { } overdue) BindDate(s, 14, overdue, text); else raw.sqlite3_bind_null(s, 14);
                raw.sqlite3_bind_int(s, 15, d.SupplementRequests);
                raw.sqlite3_bind_int(s, 16, d.PausedDays);
                if (d.ProcessingDays is { } days) raw.sqlite3_bind_int(s, 17, days); else raw.sqlite3_bind_null(s, 17);
                raw.sqlite3_bind_int(s, 18, (int)d.Payment);
                raw.sqlite3_bind_int(s, 19, d.Digitised ? 1 : 0);
                raw.sqlite3_bind_int(s, 20, d.ElectronicResult ? 1 : 0);
                raw.sqlite3_bind_int(s, 21, d.EndToEnd ? 1 : 0);
                raw.sqlite3_bind_int(s, 22, (int)d.Rating);
                BindText(s, 23, d.Events);
                raw.sqlite3_bind_int(s, 24, batchId);
                BindInstant(s, 25, now, text);
                int rc = raw.sqlite3_step(s);
                if (rc != raw.SQLITE_ROW)
                {
                    raw.sqlite3_reset(s);
                    Check(rc, $"write dossier {d.Code}");
                }
                ids[i] = raw.sqlite3_column_int64(s, 0);
                raw.sqlite3_step(s); // SQLITE_DONE
                raw.sqlite3_reset(s);
            }
            return Task.FromResult(ids);
        }

        public override async Task WriteErrorsAsync(int batchId, IReadOnlyList<RowIssue> issues, CancellationToken cancellationToken)
        {
            if (issues.Count == 0)
                return;
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "INSERT INTO dossier_import_errors (batch_id, row_number, column_name, code, message, message_en) VALUES ($batch, $row, $column, $code, $message, $en)";
            var batch = command.Parameters.Add("$batch", SqliteType.Integer);
            var row = command.Parameters.Add("$row", SqliteType.Integer);
            var column = command.Parameters.Add("$column", SqliteType.Text);
            var code = command.Parameters.Add("$code", SqliteType.Text);
            var message = command.Parameters.Add("$message", SqliteType.Text);
            var en = command.Parameters.Add("$en", SqliteType.Text);
            command.Prepare();
            foreach (var issue in issues)
            {
                batch.Value = batchId;
                row.Value = issue.Row;
                column.Value = (object?)issue.Column ?? DBNull.Value;
                code.Value = (object?)Shorten(issue.Code, 64) ?? DBNull.Value;
                message.Value = Shorten(issue.Vi, 1000);
                en.Value = Shorten(issue.En, 1000);
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        public override async Task UpdateBatchAsync(int batchId, Counters counts, ImportBatchStatus status, string? message, DateTime? finishedAtUtc, CancellationToken cancellationToken)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                UPDATE dossier_import_batches SET rows_read = $read, bytes_read = $bytes, rows_stored = $stored, rows_rejected = $rejected,
                    created = $created, updated = $updated, duplicates = $duplicates, errors_stored = $errors, status = $status,
                    message = COALESCE($message, message), finished_at_utc = COALESCE($finished, finished_at_utc)
                WHERE id = $id
                """;
            command.Parameters.AddWithValue("$read", counts.RowsRead);
            command.Parameters.AddWithValue("$bytes", counts.BytesRead);
            command.Parameters.AddWithValue("$stored", counts.Stored);
            command.Parameters.AddWithValue("$rejected", counts.Rejected);
            command.Parameters.AddWithValue("$created", counts.Created);
            command.Parameters.AddWithValue("$updated", counts.Updated);
            command.Parameters.AddWithValue("$duplicates", counts.Duplicates);
            command.Parameters.AddWithValue("$errors", counts.ErrorsStored);
            command.Parameters.AddWithValue("$status", status.ToString());
            command.Parameters.AddWithValue("$message", (object?)Shorten(message, 2000) ?? DBNull.Value);
            command.Parameters.AddWithValue("$finished", finishedAtUtc is { } f ? f.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture) : DBNull.Value);
            command.Parameters.AddWithValue("$id", batchId);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        public override Task CommitAsync(CancellationToken cancellationToken)
        {
            transaction!.Commit();
            transaction.Dispose();
            transaction = null;
            return Task.CompletedTask;
        }

        public override async ValueTask DisposeAsync()
        {
            upsert?.Dispose();
            if (transaction is not null)
            {
                transaction.Rollback();
                transaction.Dispose();
            }
            try
            {
                await ExecuteAsync($"PRAGMA cache_size = {previousCacheSize}", CancellationToken.None);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }

        private async Task<object?> ScalarAsync(string sql, CancellationToken cancellationToken)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            return await command.ExecuteScalarAsync(cancellationToken);
        }

        private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        private void Check(int rc, string what)
        {
            if (rc != raw.SQLITE_OK && rc != raw.SQLITE_DONE && rc != raw.SQLITE_ROW)
                throw new SqliteException($"SQLite could not {what}: {raw.sqlite3_errmsg(connection.Handle).utf8_to_string()}", rc);
        }

        private static void BindText(sqlite3_stmt statement, int index, string value)
        {
            Span<byte> buffer = stackalloc byte[1024];
            int length = Encoding.UTF8.GetBytes(value, buffer);
            raw.sqlite3_bind_text(statement, index, buffer[..length]);
        }

        /// <summary>"yyyy-MM-dd HH:mm:ss", the text EF Core's SQLite provider stores and reads for a DateTime.</summary>
        private static void BindInstant(sqlite3_stmt statement, int index, DateTime value, Span<byte> buffer)
        {
            value.TryFormat(buffer, out int written, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            raw.sqlite3_bind_text(statement, index, buffer[..written]);
        }

        private static void BindDate(sqlite3_stmt statement, int index, DateOnly value, Span<byte> buffer)
        {
            value.TryFormat(buffer, out int written, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            raw.sqlite3_bind_text(statement, index, buffer[..written]);
        }

        private static string? Shorten(string? text, int length) => text is null || text.Length <= length ? text : text[..length];
    }
}
