namespace CameraMonitor.Application.Rollout.Plans;

/// <summary>
/// Announces what happened to a plan (to its webhook). Never blocks and never throws: delivery happens off the
/// caller's path, from a bounded queue.
/// </summary>
public interface IPlanEvents
{
    /// <param name="type">One of <see cref="PlanEventTypes"/>.</param>
    /// <param name="actor">The operator for a verb; the evaluator's actor for a verdict.</param>
    void Publish(RolloutPlan plan, string type, string actor, string? reason);
}
