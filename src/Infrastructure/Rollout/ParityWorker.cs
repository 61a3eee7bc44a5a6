using System.Diagnostics;
using CameraMonitor.Application.Rollout.Parity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CameraMonitor.Infrastructure.Rollout;

/// <summary>
/// Drains the parity queue off every response path with Parity:Budget:MaxWorkers loops (one by default), each taking
/// one sample at a time: each sample runs in a DI scope of its own (its own connection), is compared and counted,
/// and its counted diffs are persisted.
/// </summary>
public sealed class ParityWorker(
    ParityQueue queue,
    IServiceScopeFactory scopes,
    ParityTracker tracker,
    IParityDiffStore diffs,
    IOptions<ParityOptions> options,
    ILogger<ParityWorker> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, queue.Workers).Select(_ => DrainAsync(stoppingToken)));

    private async Task DrainAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var work in queue.Reader.ReadAllAsync(stoppingToken))
            {
                await RunOneAsync(work, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // shutting down: samples still queued are dropped, like samples that never fit
        }
    }

    private async Task RunOneAsync(IParityWork work, CancellationToken stoppingToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await using var scope = ShadowScope.Create(scopes);
            var result = await work.RunAsync(scope.ServiceProvider, stoppingToken);
            var counted = tracker.Record(result);
            if (counted.Count > 0)
            {
                logger.LogWarning("Parity mismatch on {Endpoint}: {Paths}", work.Endpoint, string.Join(", ", counted.Select(d => d.Path)));
                await diffs.SaveAsync(work.Endpoint, counted, options.Value.RecentDiffs, stoppingToken);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            // A failing legacy shadow run says nothing about parity; it is logged, not counted.
            logger.LogWarning(exception, "A parity sample of {Endpoint} could not be run", work.Endpoint);
        }
        finally
        {
            queue.Budget.Charge(Stopwatch.GetElapsedTime(started));
        }
    }
}
