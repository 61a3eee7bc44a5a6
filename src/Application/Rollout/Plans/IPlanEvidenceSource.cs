namespace CameraMonitor.Application.Rollout.Plans;

/// <summary>Where the evaluator gets a plan's evidence: the cluster's published slices, or (until those exist) this instance's counters.</summary>
public interface IPlanEvidenceSource
{
    Task<PlanEvidence> MeasureAsync(RolloutPlan plan, DateTime now, CancellationToken cancellationToken);

    /// <summary>The plan's current step starts now here (this instance started or moved it).</summary>
    void Begin(RolloutPlan plan, DateTime now);

    /// <summary>Forgets whatever is kept for plans no longer open: memory stays bounded.</summary>
    void Retain(IReadOnlyCollection<long> openPlanIds);
}
