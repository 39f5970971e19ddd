using System.Data;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using ParIndex.Data;
using ParIndex.Dossiers.Import;
using ParIndex.Dossiers.Stats;
using SQLitePCL;

namespace ParIndex.Dossiers;

public sealed partial class DossierImporter
{
    /// <summary>
    /// SQLite fast path: prepared statements stepped through SQLitePCL's raw API (no ADO.NET command, no string per
    /// value: instants are written as EF Core writes them, "yyyy-MM-dd HH:mm:ss", into a stack buffer), one transaction
    /// per chunk, and for the import's connection a 32 MB page cache, synchronous=NORMAL (the database is in WAL mode,
    /// where that loses no consistency; at worst the last committed chunks after a power cut, which re-running
    /// restores) and a WAL auto-checkpoint every 50,000 pages rather than 1,000 (a checkpoint after every chunk
    /// doubled the writes). The settings are restored before the connection returns to the pool.
    /// A row is first inserted with ON CONFLICT DO NOTHING, without RETURNING (measured: RETURNING costs 1.5 µs a
    /// row), and only when the code exists is the stored row read (for the statistics) and updated by its id, so a
    /// first load pays for no update path and a re-import still learns which dossiers it touched.
    /// </summary>
    private sealed class SqliteChunkWriter(AppDbContext db) : ChunkWriter
    {
        internal const string InsertSql = """
            INSERT INTO dossiers (code, unit_id, procedure_id, channel, received_at_utc, received_month, due_at_utc, due_promised,
                ended_at_utc, end_kind, end_month, open_span, outcome, overdue_from, supplement_requests, paused_days, processing_days,
                payment, digitised, electronic_result, end_to_end, rating, has_apology, events, batch_id, updated_at_utc)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, 0, ?23, ?24, ?25)
            ON CONFLICT (code) DO NOTHING
            """;

        /// <summary>What the statistics count of the stored row, and its id.</summary>
        internal const string ReadSql = """
            SELECT id, unit_id, procedure_id, received_month, channel, end_to_end, digitised, payment, due_promised, end_month, outcome,
                has_apology, processing_days, electronic_result, rating, open_span, overdue_from
            FROM dossiers WHERE code = ?1
            """;

        /// <summary>The same parameters, ?1 being the id read; the apology flag is kept.</summary>
        internal const string UpdateSql = """
            UPDATE dossiers SET unit_id = ?2, procedure_id = ?3, channel = ?4, received_at_utc = ?5, received_month = ?6, due_at_utc = ?7,
                due_promised = ?8, ended_at_utc = ?9, end_kind = ?10, end_month = ?11, open_span = ?12, outcome = ?13, overdue_from = ?14,
                supplement_requests = ?15, paused_days = ?16, processing_days = ?17, payment = ?18, digitised = ?19, electronic_result = ?20,
                end_to_end = ?21, rating = ?22, events = ?23, batch_id = ?24, updated_at_utc = ?25
            WHERE id = ?1
            """;

        private SqliteConnection connection = null!;
        private sqlite3_stmt? insert;
        private sqlite3_stmt? update;
        private sqlite3_stmt? read;
        private SqliteTransaction? transaction;
        private long previousCacheSize;
        private long previousSynchronous;
        private long previousCheckpoint;

        public override bool AcceptsRepeatedCodes => true;

        public override async Task OpenAsync(CancellationToken cancellationToken)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            connection = (SqliteConnection)db.Database.GetDbConnection();
            previousCacheSize = (long)(await ScalarAsync("PRAGMA cache_size", cancellationToken) ?? -2000L);
            previousSynchronous = (long)(await ScalarAsync("PRAGMA synchronous", cancellationToken) ?? 2L);
            previousCheckpoint = (long)(await ScalarAsync("PRAGMA wal_autocheckpoint", cancellationToken) ?? 1000L);
            await ExecuteAsync("PRAGMA cache_size = -32768", cancellationToken);
            await ExecuteAsync("PRAGMA synchronous = NORMAL", cancellationToken);
            await ExecuteAsync("PRAGMA wal_autocheckpoint = 50000", cancellationToken);
            Check(raw.sqlite3_prepare_v2(connection.Handle, InsertSql, out var inserting), "prepare");
            insert = inserting;
            Check(raw.sqlite3_prepare_v2(connection.Handle, UpdateSql, out var updating), "prepare");
            update = updating;
            Check(raw.sqlite3_prepare_v2(connection.Handle, ReadSql, out var reading), "prepare");
            read = reading;
        }

        public override async Task<long> MaxIdAsync(CancellationToken cancellationToken) =>
            Convert.ToInt64(await ScalarAsync("SELECT COALESCE(MAX(id), 0) FROM dossiers", cancellationToken), CultureInfo.InvariantCulture);

        public override Task BeginAsync(CancellationToken cancellationToken)
        {
            transaction = connection.BeginTransaction(deferred: false);
            return Task.CompletedTask;
        }

        public override Task<Written> WriteAsync(StagedDossier[] rows, int count, int batchId, DateTime now, DossierStatsDelta stats, CancellationToken cancellationToken)
        {
            long inserted = 0;
            var updated = new List<long>();
            Span<byte> text = stackalloc byte[1024];
            var handle = connection.Handle;
            // The batch and the instant are the same for every row: bound once (sqlite3_reset keeps bindings).
            foreach (var statement in new[] { insert!, update! })
            {
                raw.sqlite3_bind_int(statement, 24, batchId);
                BindInstant(statement, 25, now, text);
            }
            for (int i = 0; i < count; i++)
            {
                ref readonly var d = ref rows[i];
                if (d.Code is null)
                    continue;
                Bind(insert!, d, text);
                int rc = raw.sqlite3_step(insert);
                raw.sqlite3_reset(insert);
                Check(rc, $"write dossier {d.Code}");
                if (raw.sqlite3_changes(handle) == 1)
                {
                    inserted++;
                    continue;
                }
                // The code exists: read what the statistics counted of it, then update it by id.
                var (id, old) = ReadStored(d.Code);
                Replaced(stats, old, d);
                Bind(update!, d, text);
                raw.sqlite3_bind_int64(update, 1, id);
                rc = raw.sqlite3_step(update);
                raw.sqlite3_reset(update);
                Check(rc, $"update dossier {d.Code}");
                updated.Add(id);
            }
            return Task.FromResult(new Written(inserted, updated));
        }

        public override Task WriteStatsAsync(DossierStatsDelta stats, CancellationToken cancellationToken) =>
            DossierStatsWriter.WriteAsync(connection, transaction, stats, cancellationToken);

        private (long Id, DossierFacts Old) ReadStored(string code)
        {
            var s = read!;
            Span<byte> buffer = stackalloc byte[256];
            BindText(s, 1, code, buffer);
            int rc = raw.sqlite3_step(s);
            try
            {
                if (rc != raw.SQLITE_ROW)
                {
                    Check(rc, $"read dossier {code}");
                    throw new InvalidOperationException($"Dossier {code} conflicted on insert but could not be read.");
                }
                static int? IntOrNull(sqlite3_stmt s, int i) => raw.sqlite3_column_type(s, i) == raw.SQLITE_NULL ? null : raw.sqlite3_column_int(s, i);
                var overdue = raw.sqlite3_column_type(s, 16) == raw.SQLITE_NULL ? (DateOnly?)null
                    : DateOnly.ParseExact(raw.sqlite3_column_text(s, 16).utf8_to_string(), "yyyy-MM-dd", CultureInfo.InvariantCulture);
                var old = new DossierFacts(
                    UnitId: raw.sqlite3_column_int(s, 1), ProcedureId: raw.sqlite3_column_int(s, 2), ReceivedMonth: raw.sqlite3_column_int(s, 3),
                    Channel: (Core.Dossiers.DossierChannel)raw.sqlite3_column_int(s, 4), EndToEnd: raw.sqlite3_column_int(s, 5) != 0,
                    Digitised: raw.sqlite3_column_int(s, 6) != 0, Payment: (Core.Dossiers.DossierPayment)raw.sqlite3_column_int(s, 7),
                    DuePromised: raw.sqlite3_column_int(s, 8) != 0, EndMonth: IntOrNull(s, 9), Outcome: (Core.Dossiers.DossierOutcome)raw.sqlite3_column_int(s, 10),
                    HasApology: raw.sqlite3_column_int(s, 11) != 0, ProcessingDays: (short?)IntOrNull(s, 12), ElectronicResult: raw.sqlite3_column_int(s, 13) != 0,
                    Rating: (Core.Dossiers.DossierRating)raw.sqlite3_column_int(s, 14), OpenSpan: (short?)IntOrNull(s, 15), OverdueFrom: overdue);
                return (raw.sqlite3_column_int64(s, 0), old);
            }
            finally
            {
                raw.sqlite3_reset(s);
            }
        }

        /// <summary>Binds a row to the insert or the update statement (the same numbered parameters).</summary>
        private static void Bind(sqlite3_stmt s, in StagedDossier d, Span<byte> text)
        {
            BindText(s, 1, d.Code, text);
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
            BindText(s, 23, d.Events, text);
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
            insert?.Dispose();
            update?.Dispose();
            read?.Dispose();
            if (transaction is not null)
            {
                transaction.Rollback();
                transaction.Dispose();
            }
            try
            {
                await ExecuteAsync($"PRAGMA cache_size = {previousCacheSize}", CancellationToken.None);
                await ExecuteAsync($"PRAGMA synchronous = {previousSynchronous}", CancellationToken.None);
                await ExecuteAsync($"PRAGMA wal_autocheckpoint = {previousCheckpoint}", CancellationToken.None);
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

        private static void BindText(sqlite3_stmt statement, int index, string value, Span<byte> buffer)
        {
            int length = Encoding.UTF8.GetBytes(value, buffer);
            raw.sqlite3_bind_text(statement, index, buffer[..length]);
        }

        /// <summary>
        /// "yyyy-MM-dd HH:mm:ss", the text EF Core's SQLite provider stores and reads for a DateTime, written digit by
        /// digit: a custom format string costs more than the rest of the row's binding.
        /// </summary>
        private static void BindInstant(sqlite3_stmt statement, int index, DateTime value, Span<byte> buffer)
        {
            int year = value.Year, month = value.Month, day = value.Day;
            var t = value.TimeOfDay;
            Digits(buffer, 0, year, 4);
            buffer[4] = (byte)'-';
            Digits(buffer, 5, month, 2);
            buffer[7] = (byte)'-';
            Digits(buffer, 8, day, 2);
            buffer[10] = (byte)' ';
            Digits(buffer, 11, t.Hours, 2);
            buffer[13] = (byte)':';
            Digits(buffer, 14, t.Minutes, 2);
            buffer[16] = (byte)':';
            Digits(buffer, 17, t.Seconds, 2);
            raw.sqlite3_bind_text(statement, index, buffer[..19]);
        }

        private static void Digits(Span<byte> buffer, int at, int value, int width)
        {
            for (int i = at + width - 1; i >= at; i--)
            {
                buffer[i] = (byte)('0' + value % 10);
                value /= 10;
            }
        }

        private static void BindDate(sqlite3_stmt statement, int index, DateOnly value, Span<byte> buffer)
        {
            value.TryFormat(buffer, out int written, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            raw.sqlite3_bind_text(statement, index, buffer[..written]);
        }

        private static string? Shorten(string? text, int length) => text is null || text.Length <= length ? text : text[..length];
    }
}
