using System.Globalization;
using System.Text.RegularExpressions;
using Dapper;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CameraMonitor.Infrastructure.Persistence.Retention;

/// <summary>
/// Keeps the daily partitions of <c>detection_records</c> and <c>violations</c> (migration 0016) ahead of time and,
/// with <see cref="RetentionOptions.Days"/> set, drops the partitions that lie entirely before the cutoff, deletes the
/// default partition's rows before it and the rollups before the rollup cutoff. One instance at a time: the run holds
/// a session advisory lock and another instance that finds it taken skips its turn. Every partition change is its own
/// short transaction under <c>lock_timeout</c>, so it never queues traffic behind a long query; one that times out is
/// retried at the next run.
/// </summary>
public sealed partial class PartitionMaintainer(
    NpgsqlDataSource dataSource,
    TimeProvider clock,
    IOptions<RetentionOptions> options,
    RetentionMetrics metrics,
    ILogger<PartitionMaintainer> logger) : BackgroundService
{
    // Arbitrary, shared by every instance, distinct from the migration lock ("retain" in ASCII).
    private const long AdvisoryLockKey = 0x72657461696e;
    private const int BatchSize = 5000;

    private static readonly string[] PartitionedTables = ["detection_records", "violations"];

    private static readonly (string Table, string Column)[] Rollups =
    [
        ("detection_hourly_rollups", "hour"), ("violation_hourly_rollups", "hour"),
        ("detection_daily_rollups", "day"), ("violation_daily_rollups", "day"),
    ];

    private const string EnsurePartitionSql = "SELECT ensure_daily_partition(@Table, @Day::date)";

    private const string ExpiredPartitionsSql = """
        SELECT partition_name FROM partition_bounds(@Table)
         WHERE NOT is_default AND upper_bound <= @Cutoff
         ORDER BY upper_bound
        """;

    private const string DefaultPartitionSql = "SELECT partition_name FROM partition_bounds(@Table) WHERE is_default";

    // The oldest raw data a partition still keeps; NULL lower bounds (MINVALUE) count as the beginning of time.
    private const string OldestKeptSql = """
        SELECT min(coalesce(lower_bound, '-infinity'))
          FROM (SELECT * FROM partition_bounds('detection_records') UNION ALL SELECT * FROM partition_bounds('violations')) p
         WHERE NOT is_default
        """;

    /// <summary>Runs maintenance once now (the hosted loop, tests and operators call this).</summary>
    public async Task<PartitionMaintenanceResult> RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        if (!await connection.ExecuteScalarAsync<bool>(new CommandDefinition("SELECT pg_try_advisory_lock(@Key)",
                new { Key = AdvisoryLockKey }, cancellationToken: cancellationToken)))
        {
            logger.LogDebug("Partition maintenance skipped: another instance holds the maintenance lock");
            return PartitionMaintenanceResult.NotRun;
        }

        try
        {
            await connection.ExecuteAsync(new CommandDefinition($"SET lock_timeout = {options.Value.LockTimeoutMilliseconds}",
                cancellationToken: cancellationToken));
            return await MaintainAsync(connection, cancellationToken);
        }
        finally
        {
            await connection.ExecuteAsync("RESET lock_timeout; SELECT pg_advisory_unlock(@Key)", new { Key = AdvisoryLockKey });
        }
    }

    private async Task<PartitionMaintenanceResult> MaintainAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var created = new List<string>();
        var dropped = new List<string>();
        var deleted = new Dictionary<string, long>();

        foreach (var table in PartitionedTables)
        {
            for (var ahead = 0; ahead <= settings.PartitionsAheadDays; ahead++)
            {
                var day = today.AddDays(ahead);
                if (await TryPartitionChangeAsync(connection, EnsurePartitionSql, new { Table = table, Day = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }, cancellationToken))
                {
                    created.Add($"{table}_p{day:yyyyMMdd}");
                    metrics.Created(table);
                }
            }
        }

        if (settings.Days > 0)
        {
            var cutoff = Midnight(today.AddDays(-settings.Days));
            foreach (var table in PartitionedTables)
            {
                await DropExpiredPartitionsAsync(connection, table, cutoff, dropped, cancellationToken);
                var defaultPartition = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(DefaultPartitionSql,
                    new { Table = table }, cancellationToken: cancellationToken));
                if (defaultPartition is not null)
                {
                    await DeleteBeforeAsync(connection, defaultPartition, "detected_at", cutoff, deleted, cancellationToken);
                }
            }
        }

        if (settings.EffectiveRollupDays > 0)
        {
            // Never past the oldest raw row a partition still keeps (the pre-partitioning one reaches back to the
            // beginning of time): statistics would otherwise lose hours whose records still exist.
            var oldestKept = await connection.ExecuteScalarAsync<DateTime?>(new CommandDefinition(OldestKeptSql,
                cancellationToken: cancellationToken)) ?? DateTime.MaxValue;
            var rollupCutoff = Min(Midnight(today.AddDays(-settings.EffectiveRollupDays)), oldestKept);
            foreach (var (table, column) in Rollups)
            {
                await DeleteBeforeAsync(connection, table, column, rollupCutoff, deleted, cancellationToken);
            }
        }

        var result = new PartitionMaintenanceResult(false, created, dropped, deleted);
        logger.LogInformation(
            "Partition maintenance: created {CreatedCount} partition(s) {Created}, dropped {DroppedCount} partition(s) {Dropped}, "
            + "deleted rows by range {DeletedRows} (retention {RetentionDays} day(s), rollups {RollupDays} day(s), 0 = kept)",
            created.Count, created, dropped.Count, dropped, deleted, settings.Days, settings.EffectiveRollupDays);
        return result;
    }

    private async Task DropExpiredPartitionsAsync(NpgsqlConnection connection, string table, DateTime cutoff,
        List<string> dropped, CancellationToken cancellationToken)
    {
        var expired = await connection.QueryAsync<string>(new CommandDefinition(ExpiredPartitionsSql,
            new { Table = table, Cutoff = cutoff }, cancellationToken: cancellationToken));
        foreach (var partition in expired)
        {
            if (await TryPartitionChangeAsync(connection, "SELECT drop_partition(@Table, @Partition)",
                    new { Table = table, Partition = partition }, cancellationToken))
            {
                logger.LogInformation("Retention dropped partition {Partition} of {Table} (entirely before {Cutoff:o})",
                    partition, table, cutoff);
                dropped.Add(partition);
                metrics.Dropped(table);
            }
        }
    }

    /// <summary>Runs one partition change; false when it waited longer than lock_timeout (it is retried next run).</summary>
    private async Task<bool> TryPartitionChangeAsync(NpgsqlConnection connection, string sql, object parameters,
        CancellationToken cancellationToken)
    {
        try
        {
            return await connection.ExecuteScalarAsync<bool?>(new CommandDefinition(sql, parameters,
                cancellationToken: cancellationToken)) ?? true;
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.LockNotAvailable)
        {
            logger.LogWarning("Partition maintenance gave up waiting for a lock ({Sql}, {Parameters}); retrying at the next run",
                sql, parameters);
            return false;
        }
    }

    /// <summary>Deletes rows of <paramref name="table"/> before the cutoff in small batches, so row locks stay short.</summary>
    private async Task DeleteBeforeAsync(NpgsqlConnection connection, string table, string column, DateTime cutoff,
        Dictionary<string, long> deleted, CancellationToken cancellationToken)
    {
        var sql = $"""
            DELETE FROM {Identifier(table)}
             WHERE ctid = ANY(ARRAY(SELECT ctid FROM {Identifier(table)} WHERE {Identifier(column)} < @Cutoff LIMIT @BatchSize))
            """;
        long total = 0;
        int batch;
        do
        {
            batch = await connection.ExecuteAsync(new CommandDefinition(sql, new { Cutoff = cutoff, BatchSize },
                cancellationToken: cancellationToken));
            total += batch;
        }
        while (batch == BatchSize);

        if (total > 0)
        {
            deleted[table] = total;
            metrics.Deleted(table, total);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var minutes = options.Value.MaintenanceIntervalMinutes;
        if (minutes <= 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(minutes), clock);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                // A database fault must not stop the host: the next interval tries again.
                metrics.Failed();
                logger.LogWarning(exception, "Partition maintenance failed; retrying at the next interval");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private static DateTime Midnight(DateOnly day) => day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    // Names come from this class or from the catalog; quoting them keeps the SQL exact, the check keeps it ours.
    private static string Identifier(string name) => SafeName().IsMatch(name)
        ? $"\"{name}\""
        : throw new ArgumentException($"Unexpected identifier '{name}'.", nameof(name));

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex SafeName();
}
