using System.Globalization;
using CameraMonitor.Application.Rollout.Evidence;
using CameraMonitor.Domain.Common;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace CameraMonitor.Infrastructure.Rollout;

/// <summary>
/// Every Rollout:Evidence:PublishIntervalSeconds, drains this instance's <see cref="EvidenceRecorder"/> into a slice
/// and publishes it with the heartbeat in one statement. Requests never wait for it: they only touch the recorder.
/// While PostgreSQL is unreachable the slices wait in a buffer of at most Rollout:Evidence:MaxPendingRows rows and go
/// out with the next publish that succeeds; beyond that the oldest are dropped and counted (the metrics report shows
/// the count, and the heartbeat carries it). Old slices are pruned after Rollout:Evidence:RetentionHours.
/// </summary>
public sealed class EvidencePublisher(
    EvidenceRecorder recorder,
    NpgsqlDataSource dataSource,
    EvidenceInstance instance,
    IOptions<EvidenceOptions> options,
    TimeProvider clock,
    ILogger<EvidencePublisher> logger) : BackgroundService, IEvidenceFlusher
{
    private static readonly TimeSpan PruneEvery = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim _publishing = new(1, 1);
    private readonly Queue<EvidenceSlice> _pending = new();
    private DateTime? _sliceStart;
    private DateTime _lastPrune = DateTime.MinValue;
    private int _pendingRows;
    private long _droppedRows;
    private int _failuresInARow;

    /// <summary>Slice rows dropped since start because the buffer was full while the database was unreachable.</summary>
    public long DroppedRows => Interlocked.Read(ref _droppedRows);

    /// <summary>Slice rows waiting to be published.</summary>
    public int PendingRows => Volatile.Read(ref _pendingRows);

    public async Task<bool> FlushAsync(CancellationToken cancellationToken)
    {
        await _publishing.WaitAsync(cancellationToken);
        try
        {
            var now = clock.UtcNowForStorage().UtcDateTime;
            var slice = recorder.Drain(_sliceStart ?? now, now);
            _sliceStart = now;
            Buffer(slice);
            return await PublishAsync(now, cancellationToken);
        }
        finally
        {
            _publishing.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(options.Value.PublishIntervalSeconds);
        _sliceStart ??= clock.UtcNowForStorage().UtcDateTime;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await FlushAsync(stoppingToken);
                await Task.Delay(interval, clock, stoppingToken);
            }
            catch (Exception) when (stoppingToken.IsCancellationRequested)
            {
                return; // stopping: StopAsync publishes what is left
            }
            catch (Exception exception)
            {
                // Never let a publishing fault stop the host: the next interval tries again.
                logger.LogWarning(exception, "Publishing rollout evidence failed unexpectedly; trying again next interval");
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        // A graceful stop publishes the last partial slice, so a restart loses nothing it had counted.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(2));
        try
        {
            await FlushAsync(timeout.Token);
        }
        catch (Exception exception)
        {
            // Stopping anyway: what could not be published in time is lost, like a killed instance's last slice.
            logger.LogDebug(exception, "The last evidence slice could not be published while stopping");
        }
    }

    private void Buffer(EvidenceSlice slice)
    {
        if (slice.RowCount == 0)
        {
            return;
        }

        _pending.Enqueue(slice);
        var rows = _pendingRows + slice.RowCount;
        var limit = Math.Max(1, options.Value.MaxPendingRows);
        while (rows > limit && _pending.Count > 0)
        {
            var dropped = _pending.Dequeue();
            rows -= dropped.RowCount;
            Interlocked.Add(ref _droppedRows, dropped.RowCount);
            logger.LogWarning("Evidence buffer full: dropped a slice of {Rows} rows from {Start:O} (PostgreSQL unreachable)",
                dropped.RowCount, dropped.Start);
        }

        Volatile.Write(ref _pendingRows, rows);
    }

    private async Task<bool> PublishAsync(DateTime now, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(Math.Clamp(settings.PublishIntervalSeconds * 3, 5, 30)));
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(timeout.Token);
            await using (var command = PublishCommand(connection, now, settings.PublishIntervalSeconds))
            {
                await command.ExecuteNonQueryAsync(timeout.Token);
            }

            _pending.Clear();
            Volatile.Write(ref _pendingRows, 0);
            if (_failuresInARow > 0)
            {
                logger.LogInformation("Evidence publishing resumed after {Failures} failed attempt(s)", _failuresInARow);
                _failuresInARow = 0;
            }

            if (now - _lastPrune >= PruneEvery)
            {
                await using var prune = new NpgsqlCommand(EvidenceSql.Prune, connection);
                prune.Parameters.AddWithValue("before", now.AddHours(-settings.RetentionHours));
                await prune.ExecuteNonQueryAsync(timeout.Token);
                _lastPrune = now;
            }

            return true;
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested
                                          && exception is NpgsqlException or OperationCanceledException or TimeoutException
                                              or InvalidOperationException or System.Net.Sockets.SocketException)
        {
            // Once per outage at warning level; the buffer keeps the slices for the next attempt.
            _failuresInARow++;
            logger.Log(_failuresInARow == 1 ? LogLevel.Warning : LogLevel.Debug, exception,
                "Could not publish rollout evidence ({Rows} rows buffered, {Dropped} dropped so far); retrying next interval",
                PendingRows, DroppedRows);
            return false;
        }
    }

    private NpgsqlCommand PublishCommand(NpgsqlConnection connection, DateTime now, double interval)
    {
        var attempts = _pending.SelectMany(s => s.Attempts.Select(a => (Slice: s, Row: a))).ToList();
        var comparisons = _pending.SelectMany(s => s.Comparisons.Select(c => (Slice: s, Row: c))).ToList();
        var command = new NpgsqlCommand(EvidenceSql.Publish, connection);
        var p = command.Parameters;
        p.AddWithValue("instance", instance.Id);
        p.AddWithValue("host", instance.Host);
        p.AddWithValue("started", instance.StartedAt);
        p.AddWithValue("now", now);
        p.AddWithValue("interval", interval);
        p.AddWithValue("dropped", DroppedRows);
        Array(p, "a_start", NpgsqlDbType.TimestampTz, attempts.Select(a => a.Slice.Start));
        Array(p, "a_end", NpgsqlDbType.TimestampTz, attempts.Select(a => a.Slice.End));
        Array(p, "a_endpoint", NpgsqlDbType.Text, attempts.Select(a => a.Row.Endpoint));
        Array(p, "a_path", NpgsqlDbType.Text, attempts.Select(a => a.Row.Path));
        Array(p, "a_group", NpgsqlDbType.Text, attempts.Select(a => a.Row.Group));
        Array(p, "a_requests", NpgsqlDbType.Bigint, attempts.Select(a => a.Row.Requests));
        Array(p, "a_failures", NpgsqlDbType.Bigint, attempts.Select(a => a.Row.Failures));
        Array(p, "a_buckets", NpgsqlDbType.Text, attempts.Select(a => "{" + string.Join(',', a.Row.LatencyBuckets.Select(
            b => b.ToString(CultureInfo.InvariantCulture))) + "}"));
        Array(p, "c_start", NpgsqlDbType.TimestampTz, comparisons.Select(c => c.Slice.Start));
        Array(p, "c_end", NpgsqlDbType.TimestampTz, comparisons.Select(c => c.Slice.End));
        Array(p, "c_endpoint", NpgsqlDbType.Text, comparisons.Select(c => c.Row.Endpoint));
        Array(p, "c_kind", NpgsqlDbType.Text, comparisons.Select(c => c.Row.Kind));
        Array(p, "c_field", NpgsqlDbType.Text, comparisons.Select(c => c.Row.Field));
        Array(p, "c_samples", NpgsqlDbType.Bigint, comparisons.Select(c => c.Row.Samples));
        Array(p, "c_mismatched", NpgsqlDbType.Bigint, comparisons.Select(c => c.Row.Mismatched));
        Array(p, "c_noise", NpgsqlDbType.Bigint, comparisons.Select(c => c.Row.Noise));
        Array(p, "c_failures", NpgsqlDbType.Bigint, comparisons.Select(c => c.Row.Failures));
        Array(p, "c_skipped", NpgsqlDbType.Bigint, comparisons.Select(c => c.Row.Skipped));
        return command;
    }

    private static void Array<T>(NpgsqlParameterCollection parameters, string name, NpgsqlDbType type, IEnumerable<T> values) =>
        parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Array | type) { Value = values.ToArray() });
}
