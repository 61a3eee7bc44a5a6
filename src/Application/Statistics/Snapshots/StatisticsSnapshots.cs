using System.Collections.Concurrent;
using System.Diagnostics;
using CameraMonitor.Application.Common.Provenance;
using CameraMonitor.Application.Statistics.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CameraMonitor.Application.Statistics.Snapshots;

/// <summary>
/// Stale-while-revalidate over the statistics answers of the domain path, per instance (the pattern of the second
/// seed report): one stored answer per query and parameters, bounded in number. Up to its freshness limit a snapshot is
/// served as is; up to its maximum age it is still served while one refresh runs in the background; past that, or when
/// there is none, the request waits for that refresh, which answers from the rollups. Refreshes are single-flight per key,
/// also across concurrent requests, and read the rollups in their own scope (their own connection), never on the
/// request's cancellation. A failed refresh is logged and counted; the next request starts another.
/// </summary>
public sealed class StatisticsSnapshots(
    IServiceScopeFactory scopes,
    IOptionsMonitor<SnapshotOptions> options,
    TimeProvider clock,
    SnapshotMetrics metrics,
    ILogger<StatisticsSnapshots> logger) : IDisposable
{
    private readonly ConcurrentDictionary<string, Snapshot> _stored = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Task<Snapshot>> _refreshing = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>
    /// Answers <paramref name="query"/> (an endpoint name) for <paramref name="parameters"/> (its normalised parameters,
    /// part of the key) and records in <paramref name="provenance"/> where the answer came from and when it was read.
    /// </summary>
    /// <param name="rollups">The request's own read model, for answers that must not come from a snapshot.</param>
    /// <param name="compute">Builds the answer from a read model; must not capture request-scoped services.</param>
    public async Task<TResponse> ServeAsync<TResponse>(string query, string parameters, IStatisticsReadModel rollups,
        ResponseProvenance provenance, Func<IStatisticsReadModel, CancellationToken, Task<TResponse>> compute,
        CancellationToken cancellationToken)
        where TResponse : class
    {
        var settings = options.CurrentValue;
        if (!settings.Enabled || provenance.LiveDataRequired)
        {
            metrics.RecordLookup(query, SnapshotMetrics.Bypassed);
            var readAt = clock.GetUtcNow();
            var answer = await compute(rollups, cancellationToken);
            provenance.Record(StatisticsDataSources.Rollups, readAt);
            return answer;
        }

        var key = query + "?" + parameters;
        var limits = settings.LimitsOf(query);
        var refresh = new Refresh(key, query, limits, async (source, token) => await compute(source, token));
        if (_stored.TryGetValue(key, out var stored))
        {
            var age = AgeSeconds(stored);
            if (age <= limits.MaxAgeSeconds)
            {
                var fresh = age <= limits.FreshSeconds;
                metrics.RecordLookup(query, fresh ? SnapshotMetrics.Hit : SnapshotMetrics.Stale);
                if (!fresh)
                {
                    _ = RefreshOnce(refresh, seen: stored);
                }

                provenance.Record(StatisticsDataSources.Snapshot, stored.ReadAt);
                return (TResponse)stored.Answer;
            }
        }

        metrics.RecordLookup(query, stored is null ? SnapshotMetrics.Miss : SnapshotMetrics.Expired);
        var refreshed = await RefreshOnce(refresh, seen: stored).WaitAsync(cancellationToken);
        provenance.Record(StatisticsDataSources.Rollups, refreshed.ReadAt);
        return (TResponse)refreshed.Answer;
    }

    /// <summary>Completes once every refresh running now has ended, however it ended (tests; shutdown).</summary>
    public Task WhenRefreshedAsync() =>
        Task.WhenAll(_refreshing.Values.Select(task => task.ContinueWith(_ => { }, TaskScheduler.Default)));

    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
    }

    private double AgeSeconds(Snapshot snapshot) => (clock.GetUtcNow() - snapshot.ReadAt).TotalSeconds;

    /// <summary>Joins the key's running refresh or starts the only one; <paramref name="seen"/> is what the caller found stored.</summary>
    private Task<Snapshot> RefreshOnce(Refresh refresh, Snapshot? seen)
    {
        while (true)
        {
            if (_refreshing.TryGetValue(refresh.Key, out var running))
            {
                return running;
            }

            // A refresh ended between the caller's look and now: its answer is the one to serve, not a second refresh.
            if (_stored.TryGetValue(refresh.Key, out var current) && !ReferenceEquals(current, seen)
                && AgeSeconds(current) <= refresh.Limits.FreshSeconds)
            {
                return Task.FromResult(current);
            }

            var completion = new TaskCompletionSource<Snapshot>(TaskCreationOptions.RunContinuationsAsynchronously);
            if (!_refreshing.TryAdd(refresh.Key, completion.Task))
            {
                continue;
            }

            // Background work: no request's async-local state (trace, logging scope) flows into it.
            using (ExecutionContext.SuppressFlow())
            {
                _ = Task.Run(() => RunAsync(refresh, completion));
            }

            // A stale request does not wait for it; the failure is logged in RunAsync, so observe it here.
            _ = completion.Task.ContinueWith(task => task.Exception, CancellationToken.None,
                TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            return completion.Task;
        }
    }

    private async Task RunAsync(Refresh refresh, TaskCompletionSource<Snapshot> completion)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var readAt = clock.GetUtcNow();
            var answer = await refresh.Compute(scope.ServiceProvider.GetRequiredService<IStatisticsReadModel>(), _stopping.Token);
            var snapshot = new Snapshot(answer, readAt);
            _stored[refresh.Key] = snapshot;
            EvictBeyond(options.CurrentValue.MaxEntries);
            metrics.RecordRefresh(refresh.Query, failed: false, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            _refreshing.TryRemove(new KeyValuePair<string, Task<Snapshot>>(refresh.Key, completion.Task));
            completion.SetResult(snapshot);
        }
        catch (Exception exception)
        {
            metrics.RecordRefresh(refresh.Query, failed: true, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            logger.LogWarning(exception, "Refreshing the statistics snapshot {Key} failed; the stored one (if any) is served until it is too old",
                refresh.Key);
            _refreshing.TryRemove(new KeyValuePair<string, Task<Snapshot>>(refresh.Key, completion.Task));
            completion.SetException(exception);
        }
    }

    // Few keys exist (4 periods, 90 day counts), so a scan on the rare overflow is cheaper than an LRU list on every hit.
    private void EvictBeyond(int maxEntries)
    {
        var excess = _stored.Count - maxEntries;
        if (excess <= 0)
        {
            return;
        }

        foreach (var oldest in _stored.OrderBy(entry => entry.Value.ReadAt).Take(excess).ToList())
        {
            _stored.TryRemove(oldest);
        }
    }

    private sealed record Snapshot(object Answer, DateTimeOffset ReadAt);

    private sealed record Refresh(string Key, string Query, SnapshotLimits Limits,
        Func<IStatisticsReadModel, CancellationToken, Task<object>> Compute);
}
