using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using ParIndex.Data;
using ParIndex.Dossiers.Import;

namespace ParIndex.Dossiers;

public sealed partial class DossierImporter
{
    /// <summary>
    /// PostgreSQL fast path: each chunk is written with binary COPY into a session temporary staging table (emptied at
    /// commit), then moved with one INSERT … SELECT … ON CONFLICT (code) DO UPDATE that returns the ids and codes;
    /// chunks commit without waiting for the WAL flush (synchronous_commit off for the import's transactions). A session
    /// advisory lock serialises dossier imports, so two batches never race on the same codes.
    /// </summary>
    private sealed class PostgresChunkWriter(AppDbContext db) : ChunkWriter
    {
        private const long LockKey = 0x5041_5249_4458_4453; // "PARIDXDS"

        private const string Columns = "code, unit_id, procedure_id, channel, received_at_utc, received_month, due_at_utc, due_promised, " +
            "ended_at_utc, end_kind, end_month, open_span, outcome, overdue_from, supplement_requests, paused_days, processing_days, " +
            "payment, digitised, electronic_result, end_to_end, rating, events";

        private const string CreateStaging = """
            CREATE TEMP TABLE IF NOT EXISTS dossier_staging (
                code varchar(64) NOT NULL, unit_id integer NOT NULL, procedure_id integer NOT NULL,
                channel smallint NOT NULL, received_at_utc timestamp with time zone NOT NULL, received_month integer NOT NULL,
                due_at_utc timestamp with time zone NOT NULL, due_promised boolean NOT NULL, ended_at_utc timestamp with time zone,
                end_kind smallint, end_month integer, open_span smallint, outcome smallint NOT NULL, overdue_from date,
                supplement_requests smallint NOT NULL, paused_days smallint NOT NULL, processing_days smallint, payment smallint NOT NULL,
                digitised boolean NOT NULL, electronic_result boolean NOT NULL, end_to_end boolean NOT NULL, rating smallint NOT NULL,
                events varchar(1000) NOT NULL
            ) ON COMMIT DELETE ROWS
            """;

        internal const string MergeSql = $"""
                INSERT INTO dossiers ({Columns}, has_apology, batch_id, updated_at_utc)
                SELECT {Columns}, false, @batch, @now FROM dossier_staging
                ON CONFLICT (code) DO UPDATE SET
                    unit_id = excluded.unit_id, procedure_id = excluded.procedure_id, channel = excluded.channel,
                    received_at_utc = excluded.received_at_utc, received_month = excluded.received_month, due_at_utc = excluded.due_at_utc,
                    due_promised = excluded.due_promised, ended_at_utc = excluded.ended_at_utc, end_kind = excluded.end_kind,
                    end_month = excluded.end_month, open_span = excluded.open_span, outcome = excluded.outcome, overdue_from = excluded.overdue_from,
                    supplement_requests = excluded.supplement_requests, paused_days = excluded.paused_days, processing_days = excluded.processing_days,
                    payment = excluded.payment, digitised = excluded.digitised, electronic_result = excluded.electronic_result,
                    end_to_end = excluded.end_to_end, rating = excluded.rating, events = excluded.events, batch_id = excluded.batch_id,
                    updated_at_utc = excluded.updated_at_utc
                RETURNING id, code
            """;

        private NpgsqlConnection connection = null!;
        private NpgsqlTransaction? transaction;
        private bool locked;
        private long[] ids = [];

        public override bool AcceptsRepeatedCodes => false;

        public override async Task OpenAsync(CancellationToken cancellationToken)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            connection = (NpgsqlConnection)db.Database.GetDbConnection();
            await ExecuteAsync($"SELECT pg_advisory_lock({LockKey})", cancellationToken);
            locked = true;
            await ExecuteAsync(CreateStaging, cancellationToken);
        }

        public override async Task<long> MaxIdAsync(CancellationToken cancellationToken)
        {
            await using var command = new NpgsqlCommand("SELECT COALESCE(MAX(id), 0) FROM dossiers", connection, transaction);
            return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        }

        public override async Task BeginAsync(CancellationToken cancellationToken)
        {
            transaction = await connection.BeginTransactionAsync(cancellationToken);
            // A chunk's commit need not wait for its WAL to reach the disk: a crash can lose the last chunks, never
            // consistency, and the batch is re-runnable (the same trade as SQLite's synchronous=NORMAL here).
            await ExecuteAsync("SET LOCAL synchronous_commit = off", cancellationToken);
        }

        public override async Task<long[]> WriteAsync(StagedDossier[] rows, int count, int batchId, DateTime now, CancellationToken cancellationToken)
        {
            if (ids.Length < count)
                ids = new long[rows.Length];
            await using (var copy = await connection.BeginBinaryImportAsync($"COPY dossier_staging ({Columns}) FROM STDIN (FORMAT BINARY)", cancellationToken))
            {
                WriteRows(copy, rows, count);
                await copy.CompleteAsync(cancellationToken);
            }
            // The chunk's codes are unique (the importer kept the last row of each), so the returned codes map back to rows.
            var index = new Dictionary<string, int>(count, StringComparer.Ordinal);
            for (int i = 0; i < count; i++)
                if (rows[i].Code is { } code)
                    index[code] = i;
            await using var merge = new NpgsqlCommand(MergeSql, connection, transaction);
            merge.Parameters.AddWithValue("batch", batchId);
            merge.Parameters.AddWithValue("now", now);
            await using var reader = await merge.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                ids[index[reader.GetString(1)]] = reader.GetInt64(0);
            return ids;
        }


        /// <summary>Synchronous writes: the importer buffers and flushes in large blocks, and an await per field would cost more than the data.</summary>
        private static void WriteRows(NpgsqlBinaryImporter copy, StagedDossier[] rows, int count)
        {
            for (int i = 0; i < count; i++)
            {
                var d = rows[i];
                if (d.Code is null)
                    continue;
                copy.StartRow();
                copy.Write(d.Code, NpgsqlDbType.Varchar);
                copy.Write(d.UnitId, NpgsqlDbType.Integer);
                copy.Write(d.ProcedureId, NpgsqlDbType.Integer);
                copy.Write((short)d.Channel, NpgsqlDbType.Smallint);
                copy.Write(d.ReceivedAtUtc, NpgsqlDbType.TimestampTz);
                copy.Write(d.ReceivedMonth, NpgsqlDbType.Integer);
                copy.Write(d.DueAtUtc, NpgsqlDbType.TimestampTz);
                copy.Write(d.DuePromised, NpgsqlDbType.Boolean);
                if (d.EndedAtUtc is { } ended) copy.Write(ended, NpgsqlDbType.TimestampTz); else copy.WriteNull();
                if (d.EndKind is { } kind) copy.Write((short)kind, NpgsqlDbType.Smallint); else copy.WriteNull();
                if (d.EndMonth is { } endMonth) copy.Write(endMonth, NpgsqlDbType.Integer); else copy.WriteNull();
                if (d.OpenSpan is { } span) copy.Write(span, NpgsqlDbType.Smallint); else copy.WriteNull();
                copy.Write((short)d.Outcome, NpgsqlDbType.Smallint);
                if (d.OverdueFrom is { } overdue) copy.Write(overdue, NpgsqlDbType.Date); else copy.WriteNull();
                copy.Write(d.SupplementRequests, NpgsqlDbType.Smallint);
                copy.Write(d.PausedDays, NpgsqlDbType.Smallint);
                if (d.ProcessingDays is { } days) copy.Write(days, NpgsqlDbType.Smallint); else copy.WriteNull();
                copy.Write((short)d.Payment, NpgsqlDbType.Smallint);
                copy.Write(d.Digitised, NpgsqlDbType.Boolean);
                copy.Write(d.ElectronicResult, NpgsqlDbType.Boolean);
                copy.Write(d.EndToEnd, NpgsqlDbType.Boolean);
                copy.Write((short)d.Rating, NpgsqlDbType.Smallint);
                copy.Write(d.Events, NpgsqlDbType.Varchar);
            }
        }

        public override async Task WriteErrorsAsync(int batchId, IReadOnlyList<RowIssue> issues, CancellationToken cancellationToken)
        {
            if (issues.Count == 0)
                return;
            await using var copy = await connection.BeginBinaryImportAsync("COPY dossier_import_errors (batch_id, row_number, column_name, code, message, message_en) FROM STDIN (FORMAT BINARY)", cancellationToken);
            foreach (var issue in issues)
            {
                await copy.StartRowAsync(cancellationToken);
                await copy.WriteAsync(batchId, NpgsqlDbType.Integer, cancellationToken);
                await copy.WriteAsync(issue.Row, NpgsqlDbType.Bigint, cancellationToken);
                if (issue.Column is null) await copy.WriteNullAsync(cancellationToken); else await copy.WriteAsync(issue.Column, NpgsqlDbType.Varchar, cancellationToken);
                if (issue.Code is null) await copy.WriteNullAsync(cancellationToken); else await copy.WriteAsync(Shorten(issue.Code, 64)!, NpgsqlDbType.Varchar, cancellationToken);
                await copy.WriteAsync(Shorten(issue.Vi, 1000)!, NpgsqlDbType.Varchar, cancellationToken);
                await copy.WriteAsync(Shorten(issue.En, 1000)!, NpgsqlDbType.Varchar, cancellationToken);
            }
            await copy.CompleteAsync(cancellationToken);
        }

        public override async Task UpdateBatchAsync(int batchId, Counters counts, ImportBatchStatus status, string? message, DateTime? finishedAtUtc, CancellationToken cancellationToken)
        {
            await using var command = new NpgsqlCommand("""
                UPDATE dossier_import_batches SET rows_read = @read, bytes_read = @bytes, rows_stored = @stored, rows_rejected = @rejected,
                    created = @created, updated = @updated, duplicates = @duplicates, errors_stored = @errors, status = @status,
                    message = COALESCE(@message, message), finished_at_utc = COALESCE(@finished, finished_at_utc)
                WHERE id = @id
                """, connection, transaction);
            command.Parameters.AddWithValue("read", counts.RowsRead);
            command.Parameters.AddWithValue("bytes", counts.BytesRead);
            command.Parameters.AddWithValue("stored", counts.Stored);
            command.Parameters.AddWithValue("rejected", counts.Rejected);
            command.Parameters.AddWithValue("created", counts.Created);
            command.Parameters.AddWithValue("updated", counts.Updated);
            command.Parameters.AddWithValue("duplicates", counts.Duplicates);
            command.Parameters.AddWithValue("errors", counts.ErrorsStored);
            command.Parameters.AddWithValue("status", status.ToString());
            command.Parameters.Add(new NpgsqlParameter("message", NpgsqlDbType.Varchar) { Value = (object?)Shorten(message, 2000) ?? DBNull.Value });
            command.Parameters.Add(new NpgsqlParameter("finished", NpgsqlDbType.TimestampTz) { Value = finishedAtUtc is { } f ? DateTime.SpecifyKind(f, DateTimeKind.Utc) : DBNull.Value });
            command.Parameters.AddWithValue("id", batchId);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        public override async Task CommitAsync(CancellationToken cancellationToken)
        {
            await transaction!.CommitAsync(cancellationToken);
            await transaction.DisposeAsync();
            transaction = null;
        }

        public override async ValueTask DisposeAsync()
        {
            try
            {
                if (transaction is not null)
                {
                    await transaction.RollbackAsync();
                    await transaction.DisposeAsync();
                    transaction = null;
                }
                if (locked)
                    await ExecuteAsync($"SELECT pg_advisory_unlock({LockKey})", CancellationToken.None);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }

        private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
        {
            await using var command = new NpgsqlCommand(sql, connection, transaction);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        private static string? Shorten(string? text, int length) => text is null || text.Length <= length ? text : text[..length];
    }
}
