using CameraMonitor.Application.Rollout.Evidence;

namespace CameraMonitor.Application.Rollout.Plans;

/// <summary>
/// Measures a plan's current step from the evidence every instance published since the step started, so the verdict
/// is the same whichever instance evaluates and a failure on any instance counts.
/// </summary>
public sealed class ClusterStepObserver(IClusterEvidenceReader reader)
{
    public async Task<StepHealth> MeasureAsync(RolloutPlan plan, DateTime now, CancellationToken cancellationToken)
    {
        var step = await reader.ReadAsync(plan.Endpoint, plan.StepStartedAt, now, cancellationToken);
        var legacyLatency = step.Legacy.Latency;
        if (legacyLatency.Count == 0)
        {
            // No legacy traffic in the step (e.g. at 100 %): legacy's latencies since the plan started are the baseline.
            legacyLatency = (await reader.ReadAsync(plan.Endpoint, plan.CreatedAt, now, cancellationToken)).Legacy.Latency;
        }

        return StepHealth.From(step, legacyLatency, Math.Max(0, (now - plan.StepStartedAt).TotalSeconds));
    }
}
