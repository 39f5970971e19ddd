using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using ParIndex.Data;

namespace ParIndex.Dossiers;

/// <summary>
/// Runs uploaded dossier files in the background, one at a time, so the upload page can answer at once with the
/// batch and show its progress (the batch row is updated after every chunk) until the summary. The uploaded file is
/// kept in a temporary file until its import ends. Batches of uploads left running by a stopped server are marked
/// failed at start (their committed rows stay; the file can be uploaded again safely).
/// </summary>
public sealed class DossierImportQueue(IServiceScopeFactory scopes, TimeProvider clock, ILogger<DossierImportQueue> logger) : BackgroundService
{
    private sealed record Job(int BatchId, string Path, DossierImportRequest Request, bool Json);

    private readonly Channel<Job> jobs = Channel.CreateUnbounded<Job>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Takes ownership of <paramref name="path"/> (deleted when the import ends) and returns the new batch's id.</summary>
    public async Task<int> EnqueueAsync(string path, DossierImportRequest request, bool json, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var batchId = await scope.ServiceProvider.GetRequiredService<DossierImporter>().CreateBatchAsync(request, cancellationToken);
        await jobs.Writer.WriteAsync(new Job(batchId, path, request, json), cancellationToken);
        return batchId;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        await MarkInterruptedAsync(stoppingToken);
        await foreach (var job in jobs.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var importer = scope.ServiceProvider.GetRequiredService<DossierImporter>();
                await using var file = new FileStream(job.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
                if (job.Json)
                    await importer.ImportJsonAsync(file, job.Request, null, job.BatchId, stoppingToken);
                else
                    await importer.ImportCsvAsync(file, job.Request, null, job.BatchId, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "Dossier upload batch {Batch} failed", job.BatchId);
            }
            finally
            {
                try { File.Delete(job.Path); } catch (IOException) { }
            }
        }
    }

    private async Task MarkInterruptedAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var stale = await db.DossierImportBatches.Where(b => b.Status == ImportBatchStatus.Running && b.Source == ImportSource.Upload).ToListAsync(cancellationToken);
            foreach (var batch in stale)
            {
                batch.Status = ImportBatchStatus.Failed;
                batch.FinishedAtUtc = clock.GetUtcNow().UtcDateTime;
                batch.Message = DossierImporter.Compose("Máy chủ dừng khi đang nhập; các dòng đã ghi vẫn được lưu, có thể tải tệp lên lại.", "The server stopped during the import; the rows written stay stored and the file can be uploaded again.");
            }
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The schema may not exist yet (a fresh database is migrated after start); nothing can be stale then.
            logger.LogDebug(exception, "Could not look for interrupted dossier uploads");
        }
    }
}
