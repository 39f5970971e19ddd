using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using ParIndex.Calendar;
using ParIndex.Core.Dossiers;
using ParIndex.Data;
using ParIndex.Dossiers.Import;
using ParIndex.Dossiers.Stats;

namespace ParIndex.Dossiers;

/// <summary>Who asked for an import and what it reads.</summary>
/// <param name="OnlyUnit">Set for an API token restricted to one unit: rows of any other receiving unit are rejected.</param>
public sealed record DossierImportRequest(ImportSource Source, string Actor, string? FileName = null, long? TotalBytes = null, string? OnlyUnit = null);

/// <summary>Where an import stands, reported after every committed chunk.</summary>
public sealed record DossierImportProgress(int BatchId, long RowsRead, long RowsStored, long RowsRejected, long BytesRead, long? TotalBytes, TimeSpan Elapsed)
{
    public double RowsPerSecond => Elapsed.TotalSeconds > 0 ? RowsRead / Elapsed.TotalSeconds : 0;
}

/// <summary>A rejected row as reports show it.</summary>
public sealed record DossierRowError(long Row, string? Column, string? Code, string Message, string MessageEn);

/// <summary>The end of an import: the batch, its counts, the first row errors (all of them are stored with the batch, up to a cap).</summary>
public sealed record DossierImportReport(
    int BatchId, ImportBatchStatus Status, long RowsRead, long RowsStored, long RowsRejected, long Created, long Updated, long Duplicates,
    string? Message, string? MessageEn, IReadOnlyList<DossierRowError> Errors, TimeSpan Elapsed)
{
    public bool Succeeded => Status == ImportBatchStatus.Completed;
}

/// <summary>
/// The one dossier importer behind the CLI (<c>parindex import dossiers</c>), the upload page, the batch API and the
/// demo generator. It streams: a reader task parses and checks rows and computes due dates and verdicts
/// (<see cref="DossierRowBuilder"/>) into chunks; this task writes each chunk in its own transaction through the
/// provider's fast path (SQLite: one prepared upsert statement; PostgreSQL: binary COPY into a staging table, then
/// one INSERT … ON CONFLICT). Memory is bounded by the chunks in flight, whatever the input's size.
/// </summary>
/// <remarks>
/// What is stored (docs/dossiers.md §4, ADR 0006):
/// <list type="bullet">
/// <item>Valid rows are stored and invalid ones reported (row, column, reason) — the batch records both counts.</item>
/// <item>A dossier is always written whole: one row, its events inside. A chunk is one transaction, so a crash or a
///   cut-off input leaves the rows of the chunks committed before it and nothing half-written; the batch says where
///   it stopped, and re-running the input is safe: dossiers are upserted by code (the row is the dossier's current
///   state; the events are the row's, deduplicated by kind and instant).</item>
/// <item>A code repeated in one input: the later row wins (counted as a duplicate).</item>
/// </list>
/// </remarks>
public sealed partial class DossierImporter(AppDbContext db, DatabaseSettings settings, WorkingCalendarProvider calendars, TimeProvider clock, ILogger<DossierImporter> logger)
{
    /// <summary>Fewer bytes than a dossier row takes in CSV (about 140 in the demo files): the size of a file over it overestimates its rows.</summary>
    private const long BytesPerRowAtLeast = 100;

    /// <summary>Row errors stored per batch; beyond it they are counted only.</summary>
    public const int MaxStoredErrors = 50_000;

    /// <summary>Rows per chunk (what the reader hands the writer at a time).</summary>
    public int ChunkRows { get; init; } = 20_000;

    /// <summary>
    /// Rows per transaction: chunks are committed together once they hold this many rows, with the statistics of all
    /// of them in one write, where a month's keys repeat once instead of once per chunk. Measured on 2M rows
    /// (SQLite): the statistics cost 1.55 s written per chunk of 20,000, 0.64 s per 100,000, 0.36 s per 400,000.
    /// A crash loses at most this many rows' work (about 1.5 s of it); re-running the input restores them.
    /// </summary>
    public int CommitRows { get; init; } = 250_000;

    private static readonly SemaphoreSlim SqliteGate = new(1, 1);

    /// <summary>Creates the batch record first, so a queued upload can show it at once.</summary>
    public async Task<int> CreateBatchAsync(DossierImportRequest request, CancellationToken cancellationToken = default)
    {
        var batch = new DossierImportBatch
        {
            Source = request.Source,
            FileName = request.FileName is { Length: > 256 } name ? name[..256] : request.FileName,
            FileBytes = request.TotalBytes,
            Actor = request.Actor,
            Status = ImportBatchStatus.Running,
            StartedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.DossierImportBatches.Add(batch);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return batch.Id;
    }

    /// <summary>Imports a CSV (UTF-8, comma or semicolon, English or Vietnamese headers).</summary>
    public Task<DossierImportReport> ImportCsvAsync(Stream csv, DossierImportRequest request, IProgress<DossierImportProgress>? progress = null, int? batchId = null, CancellationToken cancellationToken = default) =>
        RunAsync(request, batchId, progress, (builder, output, ct) => ProduceCsvAsync(csv, builder, output, ct), cancellationToken);

    /// <summary>Imports a JSON array of dossiers (see <see cref="DossierJson"/>), streamed object by object.</summary>
    public Task<DossierImportReport> ImportJsonAsync(Stream json, DossierImportRequest request, IProgress<DossierImportProgress>? progress = null, int? batchId = null, CancellationToken cancellationToken = default) =>
        RunAsync(request, batchId, progress, (builder, output, ct) => ProduceJsonAsync(json, builder, output, ct), cancellationToken);

    /// <summary>What the reader hands the writer: checked rows, row issues, and how far the input has been read.</summary>
    private sealed class Chunk(int capacity)
    {
        public readonly StagedDossier[] Rows = new StagedDossier[capacity];
        public int Count;
        public readonly List<RowIssue> Issues = [];
        /// <summary>The rows' statistics as new dossiers without an apology, summed on the reader's thread; the writer corrects it for the codes that existed.</summary>
        public readonly DossierStatsDelta Stats = new();
        public long RowsRead;
        public long BytesRead;
        /// <summary>Set on the last chunk when the input stopped early (cut off, unreadable): the batch fails with this message.</summary>
        public (string Vi, string En)? Failure;
        /// <summary>Set on the last chunk for a remark that does not fail the batch (ignored columns).</summary>
        public (string Vi, string En)? Note;

        /// <summary>Empties a chunk the writer is done with, for the reader to fill again.</summary>
        public Chunk Reset()
        {
            Array.Clear(Rows, 0, Count);
            Count = 0;
            Issues.Clear();
            Stats.Clear();
            RowsRead = BytesRead = 0;
            Failure = Note = null;
            return this;
        }
    }

    private delegate Task ProduceAsync(DossierRowBuilder builder, ChunkOutput output, CancellationToken cancellationToken);

    /// <summary>The reader's side of the pipeline.</summary>
    /// <remarks>
    /// Chunks come back from the writer through <paramref name="spare"/>: a chunk's row array is a large object (a few
    /// megabytes), and allocating one per chunk kept the process's memory about 30 MB higher until a full collection.
    /// </remarks>
    private sealed class ChunkOutput(ChannelWriter<Chunk> channel, int capacity, ConcurrentQueue<Chunk> spare)
    {
        private Chunk current = new(capacity);
        public long RowsRead;
        public long BytesRead;
        public List<RowIssue> Issues => current.Issues;

        public ref StagedDossier Next() => ref current.Rows[current.Count];
        public void Accept()
        {
            current.Stats.Add(DossierFacts.From(current.Rows[current.Count], hasApology: false), +1);
            current.Count++;
        }
        public bool Full => current.Count == current.Rows.Length || current.Issues.Count >= 10_000;

        public async ValueTask FlushAsync(CancellationToken cancellationToken)
        {
            current.RowsRead = RowsRead;
            current.BytesRead = BytesRead;
            await channel.WriteAsync(current, cancellationToken);
            current = spare.TryDequeue(out var reused) ? reused.Reset() : new Chunk(current.Rows.Length);
        }

        public async ValueTask FinishAsync((string Vi, string En)? failure, (string Vi, string En)? note, CancellationToken cancellationToken)
        {
            current.Failure = failure;
            current.Note = note;
            await FlushAsync(cancellationToken);
        }
    }

    private async Task<DossierImportReport> RunAsync(DossierImportRequest request, int? existingBatch, IProgress<DossierImportProgress>? progress, ProduceAsync produce, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        int batchId = existingBatch ?? await CreateBatchAsync(request, cancellationToken);
        var counts = new Counters();
        // The counts as of the last commit: what a failure reports as stored.
        var committed = new Counters();
        var firstErrors = new List<DossierRowError>();
        (string Vi, string En)? failure = null, note = null;
        var calendar = await calendars.GetAsync(cancellationToken);
        var references = await DossierReferenceData.LoadAsync(db, cancellationToken);
        var builder = new DossierRowBuilder(references, calendar, clock.GetUtcNow(), request.OnlyUnit);
        var spare = new ConcurrentQueue<Chunk>();
        var channel = Channel.CreateBounded<Chunk>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        var reader = Task.Run(async () =>
        {
            try
            {
                await produce(builder, new ChunkOutput(channel.Writer, ChunkRows, spare), stop.Token);
                channel.Writer.TryComplete();
            }
            catch (Exception exception)
            {
                channel.Writer.TryComplete(exception);
            }
        }, CancellationToken.None);

        var gate = settings.Provider == DatabaseProvider.Sqlite ? SqliteGate : null;
        if (gate is not null)
            await gate.WaitAsync(cancellationToken);
        try
        {
            await using var writer = settings.Provider == DatabaseProvider.Sqlite ? (ChunkWriter)new SqliteChunkWriter(db) : new PostgresChunkWriter(db, request.TotalBytes / BytesPerRowAtLeast, logger);
            await writer.OpenAsync(cancellationToken);
            counts.MaxIdBefore = await writer.MaxIdAsync(cancellationToken);
            var seen = new IdSet();
            var now = clock.GetUtcNow().UtcDateTime;
            var writing = new Stopwatch();
            var statistics = new Stopwatch();
            var pendingStats = new DossierStatsDelta();
            long rowsInTransaction = 0;
            bool inTransaction = false;

            // The chunks since the last commit, their statistics and the batch's counts go in together.
            async Task CommitAsync()
            {
                statistics.Start();
                await writer.WriteStatsAsync(pendingStats, cancellationToken);
                statistics.Stop();
                pendingStats.Clear();
                await writer.UpdateBatchAsync(batchId, counts, ImportBatchStatus.Running, null, null, cancellationToken);
                await writer.CommitAsync(cancellationToken);
                committed = counts.Clone();
                inTransaction = false;
                rowsInTransaction = 0;
                progress?.Report(new DossierImportProgress(batchId, counts.RowsRead, counts.Stored, counts.Rejected, counts.BytesRead, request.TotalBytes, stopwatch.Elapsed));
            }

            await foreach (var chunk in channel.Reader.ReadAllAsync(cancellationToken))
            {
                writing.Start();
                if (!inTransaction)
                {
                    await writer.BeginAsync(cancellationToken);
                    inTransaction = true;
                }
                int duplicatesInChunk = writer.AcceptsRepeatedCodes ? 0 : RemoveDuplicates(chunk);
                var written = await writer.WriteAsync(chunk.Rows, chunk.Count, batchId, now, chunk.Stats, cancellationToken);
                pendingStats.Add(chunk.Stats);
                long created = written.Inserted, updated = 0, duplicates = duplicatesInChunk;
                // Rows created by this import have ids above the largest id before it: updating one again means its
                // code repeats in the input. A dossier that existed before is a repeat when updated a second time.
                foreach (var id in written.UpdatedIds)
                {
                    if (id > counts.MaxIdBefore || !seen.Add(id))
                        duplicates++;
                    else
                        updated++;
                }
                var toStore = chunk.Issues.Take(Math.Max(0, MaxStoredErrors - counts.ErrorsStored)).ToList();
                await writer.WriteErrorsAsync(batchId, toStore, cancellationToken);
                counts.ErrorsStored += toStore.Count;
                foreach (var issue in chunk.Issues.Take(Math.Max(0, 200 - firstErrors.Count)))
                    firstErrors.Add(new DossierRowError(issue.Row, issue.Column, issue.Code, issue.Vi, issue.En));
                counts.RowsRead = chunk.RowsRead;
                counts.BytesRead = chunk.BytesRead;
                counts.Created += created;
                counts.Updated += updated;
                counts.Duplicates += duplicates;
                counts.Rejected += chunk.Issues.Where(i => i.RejectsRow).Select(i => i.Row).Distinct().Count();
                failure ??= chunk.Failure;
                note ??= chunk.Note;
                rowsInTransaction += chunk.Count;
                spare.Enqueue(chunk);
                if (rowsInTransaction >= CommitRows)
                    await CommitAsync();
                writing.Stop();
            }
            if (inTransaction)
            {
                writing.Start();
                await CommitAsync();
                writing.Stop();
            }
            await reader;
            var status = failure is not null ? ImportBatchStatus.Failed : counts.Rejected > 0 ? ImportBatchStatus.CompletedWithErrors : ImportBatchStatus.Completed;
            var message = failure ?? note;
            await writer.BeginAsync(cancellationToken);
            await writer.UpdateBatchAsync(batchId, counts, status, message is { } m ? Compose(m.Vi, m.En) : null, clock.GetUtcNow().UtcDateTime, cancellationToken);
            await writer.CommitAsync(cancellationToken);
            // Which side limits the speed: the database (writing close to the total) or the reading and checking.
            logger.LogInformation("Dossier batch {Batch}: {Rows} rows read, {Stored} stored, {Rejected} rejected in {Elapsed} ({Writing} writing, of which {Statistics} statistics)",
                batchId, counts.RowsRead, counts.Stored, counts.Rejected, stopwatch.Elapsed, writing.Elapsed, statistics.Elapsed);
            return new DossierImportReport(batchId, status, counts.RowsRead, counts.Stored, counts.Rejected, counts.Created, counts.Updated, counts.Duplicates,
                message?.Vi, message?.En, firstErrors, stopwatch.Elapsed);
        }
        catch (Exception exception)
        {
            await stop.CancelAsync();
            try { await reader; } catch { /* its exception is the one being handled, or a consequence of it */ }
            var cancelled = exception is OperationCanceledException;
            var (vi, en) = cancelled
                ? ("Đã hủy giữa chừng; các dòng đã ghi trước đó vẫn được lưu.", "Cancelled; the rows committed before stay stored.")
                : ($"Dừng vì lỗi: {exception.Message}. Các dòng đã ghi trước đó vẫn được lưu; nhập lại tệp là an toàn.", $"Stopped by an error: {exception.Message}. The rows committed before stay stored; importing the file again is safe.");
            if (!cancelled)
                logger.LogError(exception, "Dossier batch {Batch} failed", batchId);
            await MarkFailedAsync(batchId, committed, Compose(vi, en));
            if (cancelled)
                throw;
            return new DossierImportReport(batchId, ImportBatchStatus.Failed, committed.RowsRead, committed.Stored, committed.Rejected, committed.Created, committed.Updated, committed.Duplicates, vi, en, firstErrors, stopwatch.Elapsed);
        }
        finally
        {
            gate?.Release();
        }
    }

    /// <summary>The batch message keeps both languages: "vi ¦ en".</summary>
    internal static string Compose(string vi, string en) => $"{vi} ¦ {en}";

    internal static string MessageIn(string? composed, Core.Language language)
    {
        if (composed is null)
            return "";
        int split = composed.IndexOf(" ¦ ", StringComparison.Ordinal);
        if (split < 0)
            return composed;
        return language == Core.Language.En ? composed[(split + 3)..] : composed[..split];
    }

    /// <summary>Keeps the last row of each code in a chunk (the others get a null code), for writers that cannot upsert a code twice in one statement.</summary>
    private static int RemoveDuplicates(Chunk chunk)
    {
        var lastIndex = new Dictionary<string, int>(chunk.Count, StringComparer.Ordinal);
        int removed = 0;
        for (int i = 0; i < chunk.Count; i++)
        {
            if (lastIndex.TryGetValue(chunk.Rows[i].Code, out int earlier))
            {
                chunk.Stats.Add(DossierFacts.From(chunk.Rows[earlier], hasApology: false), -1);
                chunk.Rows[earlier].Code = null!;
                removed++;
            }
            lastIndex[chunk.Rows[i].Code] = i;
        }
        return removed;
    }

    private async Task MarkFailedAsync(int batchId, Counters counts, string message)
    {
        try
        {
            db.ChangeTracker.Clear();
            var batch = await db.DossierImportBatches.FirstAsync(b => b.Id == batchId, CancellationToken.None);
            counts.CopyTo(batch);
            batch.Status = ImportBatchStatus.Failed;
            batch.Message = message.Length > 2000 ? message[..2000] : message;
            batch.FinishedAtUtc = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Could not record the failure of dossier batch {Batch}", batchId);
        }
    }

    internal sealed class Counters
    {
        public long MaxIdBefore;
        public long RowsRead, BytesRead, Created, Updated, Duplicates, Rejected;
        public int ErrorsStored;
        public long Stored => Created + Updated + Duplicates;

        public Counters Clone() => (Counters)MemberwiseClone();

        public void CopyTo(DossierImportBatch batch)
        {
            batch.RowsRead = RowsRead;
            batch.BytesRead = BytesRead;
            batch.RowsStored = Stored;
            batch.RowsRejected = Rejected;
            batch.Created = Created;
            batch.Updated = Updated;
            batch.Duplicates = Duplicates;
            batch.ErrorsStored = ErrorsStored;
        }
    }

    // ------------------------------------------------------------------ sources

    private static async Task ProduceCsvAsync(Stream stream, DossierRowBuilder builder, ChunkOutput output, CancellationToken cancellationToken)
    {
        var reader = new Utf8CsvReader(stream);
        if (!await reader.ReadHeaderAsync(cancellationToken))
        {
            output.Issues.Add(new RowIssue(1, null, null, "Tệp rỗng: không có dòng tiêu đề.", "The file is empty: there is no header row.", RejectsRow: false));
            await output.FinishAsync(("Tệp rỗng.", "The file is empty."), null, cancellationToken);
            return;
        }
        var map = new int[DossierColumns.Count];
        Array.Fill(map, -1);
        var ignored = new List<string>();
        int headerFields = reader.FieldCount;
        for (int i = 0; i < headerFields; i++)
        {
            var header = Encoding.UTF8.GetString(reader.Field(i));
            if (DossierColumns.Find(header) is { } column)
            {
                if (map[(int)column] >= 0)
                    output.Issues.Add(new RowIssue(1, DossierColumns.NameOf(column), null, $"Cột '{header}' lặp lại.", $"Column '{header}' appears twice.", RejectsRow: false));
                else
                    map[(int)column] = i;
            }
            else if (header.Trim().Length > 0)
                ignored.Add(header.Trim());
        }
        foreach (var spec in DossierColumns.All.Where(s => s.Required && map[(int)s.Column] < 0))
            output.Issues.Add(new RowIssue(1, spec.Name, null, $"Thiếu cột bắt buộc '{spec.Vietnamese}' ({spec.Name}).", $"The required column '{spec.Name}' ('{spec.Vietnamese}') is missing.", RejectsRow: false));
        if (output.Issues.Count > 0)
        {
            await output.FinishAsync(("Dòng tiêu đề không hợp lệ: không dòng nào được nhập.", "The header row is not valid: no row was imported."), null, cancellationToken);
            return;
        }
        (string, string)? note = ignored.Count == 0 ? null
            : ($"Các cột không dùng đến đã bỏ qua: {string.Join(", ", ignored)}.", $"Columns ignored: {string.Join(", ", ignored)}.");

        while (true)
        {
            var result = await reader.ReadRecordAsync(cancellationToken);
            if (result == Utf8CsvReader.RecordResult.EndOfFile)
                break;
            long row = reader.RecordNumber;
            if (reader.IsEmptyRecord)
                continue;
            output.RowsRead++;
            output.BytesRead = reader.BytesConsumed;
            if (result == Utf8CsvReader.RecordResult.Unterminated)
            {
                bool complete = reader.FieldCount == headerFields;
                output.Issues.Add(new RowIssue(row, null, null,
                    complete
                        ? "Dòng cuối không kết thúc bằng dấu xuống dòng nên có thể đã bị cắt: dòng này không được lưu. Nếu tệp đầy đủ, thêm dấu xuống dòng ở cuối tệp rồi nhập lại (nhập lại là an toàn)."
                        : "Tệp bị cắt ngang ở dòng này: dòng không đầy đủ nên không được lưu; các dòng đầy đủ trước đó đã được lưu.",
                    complete
                        ? "The last line has no line break at its end, so it may have been cut off: it was not stored. If the file is complete, add a line break at its end and import it again (re-importing is safe)."
                        : "The file is cut off in this row: the incomplete row was not stored; the complete rows before it were."));
                await output.FinishAsync(complete ? null : ($"Tệp bị cắt ngang ở dòng {row}.", $"The file is cut off at row {row}."), note, cancellationToken);
                return;
            }
            if (reader.FieldCount != headerFields)
            {
                output.Issues.Add(new RowIssue(row, null, null, $"Dòng có {reader.FieldCount} cột, dòng tiêu đề có {headerFields}.", $"The row has {reader.FieldCount} fields; the header has {headerFields}."));
            }
            else
            {
                var raw = new RawDossier();
                for (int c = 0; c < map.Length; c++)
                    if (map[c] >= 0)
                        raw.Set((DossierColumn)c, reader.Field(map[c]));
                ref var staged = ref output.Next();
                if (builder.TryBuild(raw, row, out staged, output.Issues))
                    output.Accept();
            }
            if (output.Full)
                await output.FlushAsync(cancellationToken);
        }
        output.BytesRead = reader.BytesConsumed;
        await output.FinishAsync(null, note, cancellationToken);
    }

    private static async Task ProduceJsonAsync(Stream stream, DossierRowBuilder builder, ChunkOutput output, CancellationToken cancellationToken)
    {
        long index = 0;
        try
        {
            await foreach (var item in JsonSerializer.DeserializeAsyncEnumerable<DossierJson>(stream, DossierJson.Options, cancellationToken))
            {
                index++;
                output.RowsRead++;
                if (item is null)
                {
                    output.Issues.Add(new RowIssue(index, null, null, "Phần tử rỗng (null).", "A null element."));
                    continue;
                }
                var cells = item.ToCells(index, output.Issues);
                if (cells is not null)
                {
                    var raw = new RawDossier();
                    for (int c = 0; c < cells.Length; c++)
                        if (cells[c] is { } bytes)
                            raw.Set((DossierColumn)c, bytes);
                    ref var staged = ref output.Next();
                    if (builder.TryBuild(raw, index, out staged, output.Issues))
                        output.Accept();
                }
                if (output.Full)
                    await output.FlushAsync(cancellationToken);
            }
        }
        catch (JsonException exception)
        {
            output.Issues.Add(new RowIssue(index + 1, null, null, $"JSON không hợp lệ sau phần tử {index}: {exception.Message}", $"Invalid JSON after element {index}: {exception.Message}", RejectsRow: false));
            await output.FinishAsync(($"Dữ liệu JSON bị cắt hoặc hỏng sau phần tử {index}; các phần tử trước đó đã được lưu.", $"The JSON is cut off or broken after element {index}; the elements before it were stored."), null, cancellationToken);
            return;
        }
        if (index == 0)
            output.Issues.Add(new RowIssue(1, null, null, "Không có hồ sơ nào trong dữ liệu.", "The input holds no dossier.", RejectsRow: false));
        await output.FinishAsync(null, null, cancellationToken);
    }

    private readonly record struct Written(long Inserted, List<long> UpdatedIds);

    /// <summary>The largest dossier id now (new rows get larger ones), and the provider-specific writing.</summary>
    private abstract class ChunkWriter : IAsyncDisposable
    {
        /// <summary>True when one chunk may upsert a code twice (each row its own statement); otherwise the chunk keeps the last row of each code.</summary>
        public abstract bool AcceptsRepeatedCodes { get; }
        public abstract Task OpenAsync(CancellationToken cancellationToken);
        public abstract Task<long> MaxIdAsync(CancellationToken cancellationToken);
        public abstract Task BeginAsync(CancellationToken cancellationToken);
        /// <summary>
        /// Upserts the rows with a non-null code: inserts the new codes (how many) and updates the existing ones
        /// (their ids, one per row updated). <paramref name="stats"/> counts every row as a new dossier; for each
        /// row that updates one, the writer corrects it with <see cref="Replaced"/>.
        /// </summary>
        public abstract Task<Written> WriteAsync(StagedDossier[] rows, int count, int batchId, DateTime now, DossierStatsDelta stats, CancellationToken cancellationToken);
        /// <summary>Adds the chunk's statistics in its transaction.</summary>
        public abstract Task WriteStatsAsync(DossierStatsDelta stats, CancellationToken cancellationToken);

        /// <summary>
        /// A row replaced a stored dossier: its old state leaves the statistics, and the new state keeps the
        /// stored apology flag (the import does not change it).
        /// </summary>
        protected static void Replaced(DossierStatsDelta stats, in DossierFacts old, in StagedDossier row)
        {
            stats.Add(old, -1);
            if (old.HasApology)
            {
                stats.Add(DossierFacts.From(row, hasApology: false), -1);
                stats.Add(DossierFacts.From(row, hasApology: true), +1);
            }
        }
        public abstract Task WriteErrorsAsync(int batchId, IReadOnlyList<RowIssue> issues, CancellationToken cancellationToken);
        public abstract Task UpdateBatchAsync(int batchId, Counters counts, ImportBatchStatus status, string? message, DateTime? finishedAtUtc, CancellationToken cancellationToken);
        public abstract Task CommitAsync(CancellationToken cancellationToken);
        public abstract ValueTask DisposeAsync();
    }
}
