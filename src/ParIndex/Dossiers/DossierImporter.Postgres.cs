using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using ParIndex.Data;
using ParIndex.Dossiers.Import;
using ParIndex.Dossiers.Stats;

namespace ParIndex.Dossiers;

public sealed partial class DossierImporter
{
    /// <summary>
    /// PostgreSQL fast path (ADR 0010): the chunk's rows are sent in binary COPY format written by
    /// <see cref="PostgresBinaryRows"/>. Rows whose code the <see cref="StoredCodeFilter"/> has never seen are copied
    /// straight into <c>dossiers</c>; the others go into a session temporary staging table and are moved with
    /// INSERT … SELECT … ON CONFLICT (code) DO NOTHING, each new row taking the id "largest id before + its ordinal in
    /// the chunk", so the staged rows whose id was not taken are the ones whose code was stored, and only those are
    /// updated, by one UPDATE … FROM the staging table that returns their previous state for the statistics
    /// (RETURNING on every inserted row cost a third of the time). Transactions commit without waiting for the WAL
    /// flush (synchronous_commit off for the import's transactions). A session advisory lock serialises dossier
    /// imports, so two batches never race on the same codes or ids. (Sending the chunk as one array per column to
    /// INSERT … SELECT FROM unnest(…) instead of COPY was measured slower: 23.1 s against 20.9 s for 2M rows.)
    /// </summary>
    private sealed class PostgresChunkWriter(AppDbContext db, long? expectedRows, ILogger logger) : ChunkWriter
    {
        /// <summary>Below this many expected rows the filter of stored codes is not worth loading.</summary>
        private const long FilterFromRows = 50_000;
        private const long LockKey = 0x5041_5249_4458_4453; // "PARIDXDS"

        private const string Columns = "code, unit_id, procedure_id, channel, received_at_utc, received_month, due_at_utc, due_promised, " +
            "ended_at_utc, end_kind, end_month, open_span, outcome, overdue_from, supplement_requests, paused_days, processing_days, " +
            "payment, digitised, electronic_result, end_to_end, rating, events";

        private const string CreateStaging = """
            CREATE TEMP TABLE IF NOT EXISTS dossier_staging (
                ordinal integer NOT NULL, code varchar(64) NOT NULL, unit_id integer NOT NULL, procedure_id integer NOT NULL,
                channel smallint NOT NULL, received_at_utc timestamp with time zone NOT NULL, received_month integer NOT NULL,
                due_at_utc timestamp with time zone NOT NULL, due_promised boolean NOT NULL, ended_at_utc timestamp with time zone,
                end_kind smallint, end_month integer, open_span smallint, outcome smallint NOT NULL, overdue_from date,
                supplement_requests smallint NOT NULL, paused_days smallint NOT NULL, processing_days smallint, payment smallint NOT NULL,
                digitised boolean NOT NULL, electronic_result boolean NOT NULL, end_to_end boolean NOT NULL, rating smallint NOT NULL,
                events varchar(1000) NOT NULL
            ) ON COMMIT DELETE ROWS
            """;

        /// <summary>
        /// New codes go in, each with the id "largest id before the chunk + its ordinal in the chunk" (imports are
        /// serialised by the advisory lock); existing ones are left to <see cref="UpdateSql"/>.
        /// </summary>
        internal const string InsertSql = $"""
            INSERT INTO dossiers (id, {Columns}, has_apology, batch_id, updated_at_utc)
            SELECT @before + ordinal, {Columns}, false, @batch, @now FROM dossier_staging
            ON CONFLICT (code) DO NOTHING
            """;

        /// <summary>
        /// The staged rows that were not inserted (their code existed): those whose id was not taken. One range of the
        /// primary key, not a probe of the code index per staged row.
        /// </summary>
        internal const string ConflictsSql = """
            SELECT s.ordinal FROM dossier_staging s
            LEFT JOIN (SELECT id FROM dossiers WHERE id > @before AND id <= @last) d ON d.id = @before + s.ordinal
            WHERE d.id IS NULL
            """;

        /// <summary>
        /// The staged rows whose code existed before the insert (id at most the largest id before it); the apology flag
        /// is kept. The second reference to the table (o) reads the rows as they were before this statement, which is
        /// what the statistics must subtract.
        /// </summary>
        internal const string UpdateSql = """
            UPDATE dossiers d SET
                unit_id = s.unit_id, procedure_id = s.procedure_id, channel = s.channel, received_at_utc = s.received_at_utc,
                received_month = s.received_month, due_at_utc = s.due_at_utc, due_promised = s.due_promised, ended_at_utc = s.ended_at_utc,
                end_kind = s.end_kind, end_month = s.end_month, open_span = s.open_span, outcome = s.outcome, overdue_from = s.overdue_from,
                supplement_requests = s.supplement_requests, paused_days = s.paused_days, processing_days = s.processing_days,
                payment = s.payment, digitised = s.digitised, electronic_result = s.electronic_result, end_to_end = s.end_to_end,
                rating = s.rating, events = s.events, batch_id = @batch, updated_at_utc = @now
            FROM dossier_staging s, dossiers o
            WHERE s.ordinal = ANY(@conflicts) AND d.code = s.code AND o.id = d.id AND d.id <= @before
            RETURNING d.id, s.ordinal, o.unit_id, o.procedure_id, o.received_month, o.channel, o.end_to_end, o.digitised, o.payment, o.due_promised,
                o.end_month, o.outcome, o.has_apology, o.processing_days, o.electronic_result, o.rating, o.open_span, o.overdue_from
            """;

        private NpgsqlConnection connection = null!;
        private NpgsqlTransaction? transaction;
        private bool locked;
        private readonly PostgresBinaryRows binary = new();
        private StoredCodeFilter? filter;

        public override bool AcceptsRepeatedCodes => false;

        public override async Task OpenAsync(CancellationToken cancellationToken)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            connection = (NpgsqlConnection)db.Database.GetDbConnection();
            await ExecuteAsync($"SELECT pg_advisory_lock({LockKey})", cancellationToken);
            locked = true;
            await LoadFilterAsync(cancellationToken);
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
            // The import's statements are simple and repeated per chunk: compiling them (JIT, once their estimated
            // cost passes jit_above_cost as the table grows) costs more than running them.
            await ExecuteAsync("SET LOCAL jit = off", cancellationToken);
        }

        /// <summary>
        /// For a large input (expected from the file's size) into a table not larger than it, the stored codes go
        /// into a <see cref="StoredCodeFilter"/>, read under the import lock; later chunks add theirs. Reading them
        /// costs about a tenth of what the upsert of the same number of rows costs, so it is done only when the
        /// input is at least as large as the table.
        /// </summary>
        private async Task LoadFilterAsync(CancellationToken cancellationToken)
        {
            if (expectedRows is not { } expected || expected < FilterFromRows)
                return;
            await using (var estimate = new NpgsqlCommand("SELECT reltuples::bigint FROM pg_class WHERE oid = 'dossiers'::regclass", connection))
                if (await estimate.ExecuteScalarAsync(cancellationToken) is long tuples && tuples > expected)
                    return;
            long stored;
            await using (var count = new NpgsqlCommand("SELECT COUNT(*) FROM (SELECT 1 FROM dossiers LIMIT @cap) t", connection))
            {
                count.Parameters.AddWithValue("cap", expected + 1);
                stored = (long)(await count.ExecuteScalarAsync(cancellationToken))!;
            }
            if (stored > expected)
                return;
            var loading = new StoredCodeFilter(stored + expected);
            await using (var codes = new NpgsqlCommand("SELECT code FROM dossiers", connection))
            await using (var reader = await codes.ExecuteReaderAsync(cancellationToken))
                while (await reader.ReadAsync(cancellationToken))
                    loading.Add(reader.GetString(0));
            filter = loading;
            logger.LogInformation("Dossier import: {Stored} stored codes in a {Megabytes:0.0} MB filter", stored, loading.Bytes / 1048576.0);
        }

        public override async Task<Written> WriteAsync(StagedDossier[] rows, int count, int batchId, DateTime now, DossierStatsDelta stats, CancellationToken cancellationToken)
        {
            long before;
            await using (var max = new NpgsqlCommand("SELECT COALESCE(MAX(id), 0) FROM dossiers", connection, transaction))
                before = Convert.ToInt64(await max.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
            // Rows whose code is surely new are copied straight into the table; the others are upserted. Either
            // way the code is stored from now on (a chunk holds each code once; if the chunk fails, so does the import).
            var fresh = new List<int>(count);
            var maybe = new List<int>();
            for (int i = 0; i < count; i++)
            {
                if (rows[i].Code is not { } code)
                    continue;
                if (filter is not null && !filter.MightContain(code))
                    fresh.Add(i);
                else
                    maybe.Add(i);
                filter?.Add(code);
            }
            long inserted = 0;
            if (fresh.Count > 0)
            {
                if (await TryCopyFreshAsync(rows, fresh, before, batchId, now, cancellationToken))
                    inserted += fresh.Count;
                else
                {
                    maybe.AddRange(fresh);
                    maybe.Sort();
                }
            }
            var updated = new List<long>();
            if (maybe.Count > 0)
                inserted += await UpsertAsync(rows, maybe, before, batchId, now, stats, updated, cancellationToken);
            // Ids were given here (at most "before + count", before being the largest id): the identity sequence must
            // not hand them out again (EF Core inserts use it).
            if (count > 0)
            {
                await using var sequence = new NpgsqlCommand("SELECT setval(pg_get_serial_sequence('dossiers', 'id'), @last)", connection, transaction);
                sequence.Parameters.AddWithValue("last", before + count);
                await sequence.ExecuteNonQueryAsync(cancellationToken);
            }
            return new Written(inserted, updated);
        }

        /// <summary>
        /// Copies rows whose codes the filter has never seen straight into <c>dossiers</c>, with the ids "largest id
        /// before + ordinal". The unique index still has the last word: should a code exist after all (a writer outside
        /// ParIndex), the copy is undone to its savepoint and the rows take the upsert path.
        /// </summary>
        private async Task<bool> TryCopyFreshAsync(StagedDossier[] rows, List<int> fresh, long before, int batchId, DateTime now, CancellationToken cancellationToken)
        {
            await transaction!.SaveAsync("fresh_rows", cancellationToken);
            try
            {
                await CopyAsync($"COPY dossiers (id, {Columns}, has_apology, batch_id, updated_at_utc) FROM STDIN (FORMAT BINARY)",
                    rows, fresh, new DossierRowIds(before, batchId, now), cancellationToken);
            }
            catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.UniqueViolation)
            {
                await transaction.RollbackAsync("fresh_rows", cancellationToken);
                logger.LogWarning("Dossier import: a code thought new was stored ({Detail}); the chunk is upserted", exception.Detail);
                return false;
            }
            await transaction.ReleaseAsync("fresh_rows", cancellationToken);
            return true;
        }

        /// <summary>
        /// The upsert path: the rows go into the staging table, the new codes are inserted, and the rows whose id was
        /// not taken (their code existed) update the stored dossiers. Returns how many were inserted.
        /// </summary>
        private async Task<long> UpsertAsync(StagedDossier[] rows, List<int> chosen, long before, int batchId, DateTime now, DossierStatsDelta stats, List<long> updated, CancellationToken cancellationToken)
        {
            // Several chunks share a transaction: the staging table holds only this one.
            await ExecuteAsync("TRUNCATE dossier_staging", cancellationToken);
            await CopyAsync($"COPY dossier_staging (ordinal, {Columns}) FROM STDIN (FORMAT BINARY)", rows, chosen, null, cancellationToken);
            // Insert the new codes without RETURNING (the costly part of a first load); then, only if some codes
            // existed, find their rows by the ids not taken and update them.
            long inserted;
            await using (var insert = new NpgsqlCommand(InsertSql, connection, transaction))
            {
                insert.Parameters.AddWithValue("before", before);
                insert.Parameters.AddWithValue("batch", batchId);
                insert.Parameters.AddWithValue("now", now);
                inserted = await insert.ExecuteNonQueryAsync(cancellationToken);
            }
            if (inserted == chosen.Count)
                return inserted;
            var conflicts = new List<int>();
            await using (var find = new NpgsqlCommand(ConflictsSql, connection, transaction))
            {
                find.Parameters.AddWithValue("before", before);
                find.Parameters.AddWithValue("last", before + rows.Length);
                await using var found = await find.ExecuteReaderAsync(cancellationToken);
                while (await found.ReadAsync(cancellationToken))
                    conflicts.Add(found.GetInt32(0));
            }
            // A few thousand probes of the code index (a nested loop), never a hash or merge join over the whole
            // table, which the planner picks from statistics that lag while the table grows during the import
            // (every chunk then read the table whole).
            await ExecuteAsync("SET LOCAL enable_hashjoin = off; SET LOCAL enable_mergejoin = off", cancellationToken);
            await using (var update = new NpgsqlCommand(UpdateSql, connection, transaction))
            {
                update.Parameters.AddWithValue("batch", batchId);
                update.Parameters.AddWithValue("now", now);
                update.Parameters.AddWithValue("before", before);
                update.Parameters.AddWithValue("conflicts", conflicts.ToArray());
                await using var reader = await update.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    updated.Add(reader.GetInt64(0));
                    Replaced(stats, ReadFacts(reader, 2), rows[reader.GetInt32(1) - 1]);
                }
            }
            await ExecuteAsync("SET LOCAL enable_hashjoin = on; SET LOCAL enable_mergejoin = on", cancellationToken);
            return inserted;
        }

        public override Task WriteStatsAsync(DossierStatsDelta stats, CancellationToken cancellationToken) =>
            DossierStatsWriter.WriteAsync(connection, transaction, stats, cancellationToken);

        /// <summary>The statistics' columns as <see cref="UpdateSql"/> returns them, from <paramref name="first"/> on.</summary>
        private static DossierFacts ReadFacts(NpgsqlDataReader r, int first)
        {
            short? Short(int i) => r.IsDBNull(first + i) ? null : r.GetInt16(first + i);
            return new DossierFacts(
                UnitId: r.GetInt32(first), ProcedureId: r.GetInt32(first + 1), ReceivedMonth: r.GetInt32(first + 2),
                Channel: (Core.Dossiers.DossierChannel)r.GetInt16(first + 3), EndToEnd: r.GetBoolean(first + 4), Digitised: r.GetBoolean(first + 5),
                Payment: (Core.Dossiers.DossierPayment)r.GetInt16(first + 6), DuePromised: r.GetBoolean(first + 7),
                EndMonth: r.IsDBNull(first + 8) ? null : r.GetInt32(first + 8), Outcome: (Core.Dossiers.DossierOutcome)r.GetInt16(first + 9),
                HasApology: r.GetBoolean(first + 10), ProcessingDays: Short(11), ElectronicResult: r.GetBoolean(first + 12),
                Rating: (Core.Dossiers.DossierRating)r.GetInt16(first + 13), OpenSpan: Short(14),
                OverdueFrom: r.IsDBNull(first + 15) ? null : r.GetFieldValue<DateOnly>(first + 15));
        }


        /// <summary>What a row copied straight into <c>dossiers</c> carries besides its data.</summary>
        private readonly record struct DossierRowIds(long Before, int BatchId, DateTime Now);

        /// <summary>Rows encoded before they are sent: the server stores one slice while the next is encoded.</summary>
        private const int SliceRows = 2_000;

        /// <summary>Sends the chosen rows as one binary COPY stream, encoded and sent a slice at a time.</summary>
        private async Task CopyAsync(string command, StagedDossier[] rows, List<int> chosen, DossierRowIds? direct, CancellationToken cancellationToken)
        {
            await using var copy = await connection.BeginRawBinaryCopyAsync(command, cancellationToken);
            binary.Begin();
            for (int start = 0; start < chosen.Count; start += SliceRows)
            {
                WriteRows(binary, rows, chosen, start, Math.Min(chosen.Count, start + SliceRows), direct);
                await copy.WriteAsync(binary.Written, cancellationToken);
                binary.Clear();
            }
            binary.End();
            await copy.WriteAsync(binary.Written, cancellationToken);
        }

        /// <summary>
        /// Rows <paramref name="from"/>…<paramref name="to"/> of the chosen ones in binary COPY format: for the staging
        /// table (the ordinal, then the columns), or, with <paramref name="direct"/>, for <c>dossiers</c> itself (the
        /// id, the columns, no apology, the batch, the instant).
        /// </summary>
        private static void WriteRows(PostgresBinaryRows copy, StagedDossier[] rows, List<int> chosen, int from, int to, DossierRowIds? direct)
        {
            for (int k = from; k < to; k++)
            {
                int i = chosen[k];
                ref readonly var d = ref rows[i];
                copy.Row(direct is null ? (short)24 : (short)27);
                if (direct is { } ids)
                    copy.Int64(ids.Before + i + 1);
                else
                    copy.Int32(i + 1);
                copy.Text(d.Code);
                copy.Int32(d.UnitId);
                copy.Int32(d.ProcedureId);
                copy.Int16((short)d.Channel);
                copy.Timestamp(d.ReceivedAtUtc);
                copy.Int32(d.ReceivedMonth);
                copy.Timestamp(d.DueAtUtc);
                copy.Bool(d.DuePromised);
                if (d.EndedAtUtc is { } ended) copy.Timestamp(ended); else copy.Null();
                if (d.EndKind is { } kind) copy.Int16((short)kind); else copy.Null();
                if (d.EndMonth is { } endMonth) copy.Int32(endMonth); else copy.Null();
                if (d.OpenSpan is { } span) copy.Int16(span); else copy.Null();
                copy.Int16((short)d.Outcome);
                if (d.OverdueFrom is { } overdue) copy.Date(overdue); else copy.Null();
                copy.Int16(d.SupplementRequests);
                copy.Int16(d.PausedDays);
                if (d.ProcessingDays is { } days) copy.Int16(days); else copy.Null();
                copy.Int16((short)d.Payment);
                copy.Bool(d.Digitised);
                copy.Bool(d.ElectronicResult);
                copy.Bool(d.EndToEnd);
                copy.Int16((short)d.Rating);
                copy.Text(d.Events);
                if (direct is { } row)
                {
                    copy.Bool(false);
                    copy.Int32(row.BatchId);
                    copy.Timestamp(row.Now);
                }
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
