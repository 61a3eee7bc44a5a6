using System.Collections.Concurrent;
using CameraMonitor.Application.Rollout.Evidence;
using CameraMonitor.Application.Rollout.Routing;

namespace CameraMonitor.Application.Rollout.Plans;

/// <summary>
/// The per-instance evidence source, used while no cluster evidence reader is registered: per plan, the counters of
/// <see cref="RolloutMetrics"/> when this instance began watching the plan and its current step, so a step is judged
/// on what happened here since it started. An instance that first sees a step late (restart, another instance
/// promoted) starts its window then, which only delays a verdict, never hastens one. Latency histograms are built
/// from the bounded latency window (the last <see cref="RolloutMetrics.WindowSize"/> per path).
/// </summary>
public sealed class RolloutStepObserver(RolloutMetrics metrics) : IPlanEvidenceSource
{
    private static readonly SteeredEvidence NoSteered = new(PathEvidence.Empty(), PathEvidence.Empty(), PathEvidence.Empty());

    private readonly ConcurrentDictionary<long, Baseline> _baselines = new();

    public void Begin(RolloutPlan plan, DateTime now)
    {
        var counters = metrics.Snapshot(plan.Endpoint);
        _baselines.AddOrUpdate(plan.Id,
            _ => new Baseline(plan.CurrentStepIndex, plan.StepStartedAt, Later(plan.StepStartedAt, now), counters, now, counters),
            (_, existing) => existing with
            {
                StepIndex = plan.CurrentStepIndex, StepStartedAt = plan.StepStartedAt, WindowStartedAt = Later(plan.StepStartedAt, now), Step = counters,
            });
    }

    public void Retain(IReadOnlyCollection<long> openPlanIds)
    {
        foreach (var id in _baselines.Keys.Where(id => !openPlanIds.Contains(id)))
        {
            _baselines.TryRemove(id, out _);
        }
    }

    public Task<PlanEvidence> MeasureAsync(RolloutPlan plan, DateTime now, CancellationToken cancellationToken)
    {
        if (!_baselines.TryGetValue(plan.Id, out var baseline) || baseline.StepIndex != plan.CurrentStepIndex
            || baseline.StepStartedAt != plan.StepStartedAt)
        {
            Begin(plan, now);
            baseline = _baselines[plan.Id];
        }

        return Task.FromResult(new PlanEvidence(Since(plan.Endpoint, baseline.Step, baseline.WindowStartedAt, now),
            Since(plan.Endpoint, baseline.Plan, baseline.PlanWatchedFrom, now), baseline.WindowStartedAt));
    }

    private EndpointEvidence Since(string endpoint, EndpointSnapshot start, DateTime from, DateTime to)
    {
        var now = metrics.Snapshot(endpoint);
        return new EndpointEvidence(endpoint, from, to,
            Path(endpoint, ServedPath.Domain, start.Domain, now.Domain),
            Path(endpoint, ServedPath.Legacy, start.Legacy, now.Legacy),
            Path(endpoint, ServedPath.LegacyFallback, start.Fallback, now.Fallback),
            NoSteered, now.ParityCompared - start.ParityCompared, now.ParityMismatches - start.ParityMismatches, 0, 0, []);
    }

    private PathEvidence Path(string endpoint, ServedPath path, PathSnapshot start, PathSnapshot now)
    {
        var histogram = new LatencyHistogram();
        foreach (var latency in metrics.LatenciesSince(endpoint, path, start.LatencyCount))
        {
            histogram.Record(latency);
        }

        return new PathEvidence(now.Requests - start.Requests, now.Errors - start.Errors, histogram);
    }

    private static DateTime Later(DateTime a, DateTime b) => a > b ? a : b;

    private sealed record Baseline(int StepIndex, DateTime StepStartedAt, DateTime WindowStartedAt, EndpointSnapshot Step,
        DateTime PlanWatchedFrom, EndpointSnapshot Plan);
}
