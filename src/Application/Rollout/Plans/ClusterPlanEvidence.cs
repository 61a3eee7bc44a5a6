using CameraMonitor.Application.Rollout.Evidence;

namespace CameraMonitor.Application.Rollout.Plans;

/// <summary>
/// A plan's evidence from every instance's published slices: the step's window is [step start, now) and the plan's
/// [plan start, now), whichever instance asks, so every instance judges the same evidence and a failure on any
/// instance counts. Nothing kept in memory.
/// </summary>
public sealed class ClusterPlanEvidence(IClusterEvidenceReader reader)
{
    public async Task<PlanEvidence> MeasureAsync(RolloutPlan plan, DateTime now, CancellationToken cancellationToken)
    {
        var step = await reader.ReadAsync(plan.Endpoint, plan.StepStartedAt, now, cancellationToken);
        var whole = await reader.ReadAsync(plan.Endpoint, plan.CreatedAt, now, cancellationToken);
        return new PlanEvidence(step, whole, plan.StepStartedAt);
    }
}
