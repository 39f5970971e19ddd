using System.Data.Common;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ParIndex.Data;

namespace ParIndex.Surveys.Counters;

public enum RatingOutcome
{
    Accepted,
    /// <summary>The dossier already has a rating (unique index on the receipt code).</summary>
    DuplicateDossier,
}

public sealed record PendingRating(int CounterId, int UnitId, short Rating, string? DossierCode, DateOnly RatedOn);

/// <summary>
/// Writes counter ratings with group commit: requests queue their rating and wait; one loop takes everything
/// queued (up to <see cref="CounterOptions.MaxBatch"/>), inserts it in one transaction and completes each request
/// only after the commit, so an accepted rating is durable and a burst of ratings costs one commit, not one each.
/// "One rating per dossier" is the unique index on the receipt code: the insert skips a conflicting row
/// (ON CONFLICT DO NOTHING, on both engines) and that request is told it was a duplicate.
/// </summary>
public sealed class CounterRatingWriter(IServiceScopeFactory scopes, IOptions<CounterOptions> options, ILogger<CounterRatingWriter> logger) : BackgroundService
{
    private readonly Channel<(PendingRating Rating, TaskCompletionSource<RatingOutcome> Done)> queue =
        Channel.CreateUnbounded<(PendingRating, TaskCompletionSource<RatingOutcome>)>(new UnboundedChannelOptions { SingleReader = true });

    public Task<RatingOutcome> WriteAsync(PendingRating rating)
    {
        var done = new TaskCompletionSource<RatingOutcome>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!queue.Writer.TryWrite((rating, done)))
            done.SetException(new InvalidOperationException("The rating writer has stopped."));
        return done.Task;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<(PendingRating Rating, TaskCompletionSource<RatingOutcome> Done)>();
        var max = Math.Max(1, options.Value.MaxBatch);
        try
        {
            while (await queue.Reader.WaitToReadAsync(stoppingToken))
            {
                batch.Clear();
                while (batch.Count < max && queue.Reader.TryRead(out var item))
                    batch.Add(item);
                try
                {
                    var outcomes = await InsertAsync(batch, stoppingToken);
                    for (var i = 0; i < batch.Count; i++)
                        batch[i].Done.TrySetResult(outcomes[i]);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    logger.LogError(exception, "Writing {Count} counter ratings failed; none of them was stored.", batch.Count);
                    foreach (var (_, done) in batch)
                        done.TrySetException(exception);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        queue.Writer.TryComplete();
        while (queue.Reader.TryRead(out var left))
            left.Done.TrySetCanceled(CancellationToken.None);
    }

    private async Task<RatingOutcome[]> InsertAsync(List<(PendingRating Rating, TaskCompletionSource<RatingOutcome> Done)> batch, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "INSERT INTO counter_ratings (counter_id, unit_id, rating, dossier_code, rated_on) VALUES (@c, @u, @r, @d, @o) ON CONFLICT (dossier_code) DO NOTHING";
            var counter = Parameter(command, "@c");
            var unit = Parameter(command, "@u");
            var rating = Parameter(command, "@r");
            var dossier = Parameter(command, "@d");
            var on = Parameter(command, "@o");
            var outcomes = new RatingOutcome[batch.Count];
            for (var i = 0; i < batch.Count; i++)
            {
                var item = batch[i].Rating;
                counter.Value = item.CounterId;
                unit.Value = item.UnitId;
                rating.Value = item.Rating;
                dossier.Value = (object?)item.DossierCode ?? DBNull.Value;
                on.Value = item.RatedOn;
                outcomes[i] = await command.ExecuteNonQueryAsync(cancellationToken) == 1 ? RatingOutcome.Accepted : RatingOutcome.DuplicateDossier;
            }
            await transaction.CommitAsync(cancellationToken);
            return outcomes;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static DbParameter Parameter(DbCommand command, string name)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
