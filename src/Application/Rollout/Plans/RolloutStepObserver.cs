using System.Collections.Concurrent;
using CameraMonitor.Application.Rollout.Evidence;
using CameraMonitor.Application.Rollout.Routing;

namespace CameraMonitor.Application.Rollout.Plans;

/// <summary>
/// Per plan step, the counters of <see cref="RolloutMetrics"/> when this instance began watching the step, so a
/// step is judged on what happened since it started and not on the process lifetime. In memory and per
/// instance: an instance that first sees a step late (restart, another instance promoted) starts its window
/// then, which only delays a verdict, never hastens one.
/// </summary>
public sealed class RolloutStepObserver(RolloutMetrics metrics)
{
    private readonly ConcurrentDictionary<long, Baseline> _baselines = new();

    /// <summary>Starts the window of the plan's current step now (after this instance started or promoted it).</summary>
    public void Begin(RolloutPlan plan, DateTime now) =>
        _baselines[plan.Id] = new Baseline(plan.CurrentStepIndex, Later(plan.StepStartedAt, now), metrics.Snapshot(plan.Endpoint));

    public void Forget(long planId) => _baselines.TryRemove(planId, out _);

    /// <summary>Drops the windows of plans no longer active (ended here or by another instance): memory stays bounded.</summary>
    public void Retain(IReadOnlyCollection<long> activePlanIds)
    {
        foreach (var id in _baselines.Keys.Where(id => !activePlanIds.Contains(id)))
        {
            _baselines.TryRemove(id, out _);
        }
    }

    /// <summary>What happened to the plan's endpoint since its current step's window started here.</summary>
    public StepHealth Measure(RolloutPlan plan, DateTime now)
    {
        var baseline = _baselines.AddOrUpdate(plan.Id,
            _ => new Baseline(plan.CurrentStepIndex, Later(plan.StepStartedAt, now), metrics.Snapshot(plan.Endpoint)),
            (_, existing) => existing.StepIndex == plan.CurrentStepIndex
                ? existing
                : new Baseline(plan.CurrentStepIndex, Later(plan.StepStartedAt, now), metrics.Snapshot(plan.Endpoint)));
        var current = metrics.Snapshot(plan.Endpoint);
        var start = baseline.Counters;
        var domainLatencies = metrics.LatenciesSince(plan.Endpoint, ServedPath.Domain, start.Domain.LatencyCount);
        var legacyLatencies = metrics.LatenciesSince(plan.Endpoint, ServedPath.Legacy, start.Legacy.LatencyCount);
        if (legacyLatencies.Length == 0)
        {
            // No legacy traffic in the step (e.g. at 100 %): compare with legacy's latest window instead.
            legacyLatencies = metrics.LatenciesSince(plan.Endpoint, ServedPath.Legacy, 0);
        }

        return new StepHealth(
            baseline.StartedAt,
            Math.Max(0, (now - baseline.StartedAt).TotalSeconds),
            current.Domain.Requests - start.Domain.Requests,
            current.Domain.Errors - start.Domain.Errors,
            current.Legacy.Requests - start.Legacy.Requests,
            current.Legacy.Errors - start.Legacy.Errors,
            current.Fallback.Requests - start.Fallback.Requests,
            current.Fallback.Errors - start.Fallback.Errors,
            LatencyWindow.Percentile(domainLatencies, 95),
            domainLatencies.Length,
            LatencyWindow.Percentile(legacyLatencies, 95),
            legacyLatencies.Length,
            current.ParityCompared - start.ParityCompared,
            current.ParityMismatches - start.ParityMismatches);
    }

    private static DateTime Later(DateTime a, DateTime b) => a > b ? a : b;

    private sealed record Baseline(int StepIndex, DateTime StartedAt, EndpointSnapshot Counters);
}
