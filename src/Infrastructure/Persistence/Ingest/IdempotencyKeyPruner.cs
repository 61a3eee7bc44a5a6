using Dapper;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CameraMonitor.Infrastructure.Persistence.Ingest;

/// <summary>
/// Deletes Idempotency-Key answers older than the retention, so the table does not grow forever. Keys
/// still being claimed (no answer yet) are never deleted. Deletes in small batches to keep locks short;
/// several instances may prune at once without harm.
/// </summary>
public sealed class IdempotencyKeyPruner(
    NpgsqlDataSource dataSource,
    TimeProvider clock,
    IOptions<IdempotencyRetentionOptions> options,
    ILogger<IdempotencyKeyPruner> logger) : BackgroundService
{
    private const int BatchSize = 5000;

    private const string PruneBatchSql = """
        DELETE FROM idempotency_keys
         WHERE ctid IN (SELECT ctid FROM idempotency_keys
                         WHERE created_at < @Cutoff AND response IS NOT NULL
                         LIMIT @BatchSize)
        """;

    /// <returns>How many expired keys were deleted.</returns>
    public async Task<int> PruneOnceAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime.AddHours(-options.Value.IdempotencyKeyRetentionHours);
        var total = 0;
        int deleted;
        do
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            deleted = await connection.ExecuteAsync(new CommandDefinition(PruneBatchSql,
                new { Cutoff = cutoff, BatchSize }, cancellationToken: cancellationToken));
            total += deleted;
        }
        while (deleted == BatchSize);

        return total;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var minutes = options.Value.IdempotencyPruneIntervalMinutes;
        if (minutes <= 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(minutes), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var deleted = await PruneOnceAsync(stoppingToken);
                logger.LogInformation("Pruned {Deleted} expired idempotency key(s)", deleted);
            }
            catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
            {
                logger.LogWarning(exception, "Pruning idempotency keys failed; retrying at the next interval");
            }
        }
    }
}
