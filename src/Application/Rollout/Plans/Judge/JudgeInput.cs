using CameraMonitor.Application.Rollout.Evidence;

namespace CameraMonitor.Application.Rollout.Plans.Judge;

/// <summary>What the judge decides on: everything it needs, nothing per instance.</summary>
/// <param name="StepIndex">The plan's current step.</param>
/// <param name="Step">The cluster's evidence since the step started (percentage-routed traffic only).</param>
/// <param name="Plan">The cluster's evidence since the plan started: every domain request of the plan is evidence about the domain path's failure rate.</param>
/// <param name="ObservedSeconds">How long the step has been observed.</param>
/// <param name="ConsecutiveFailures">Failing evaluations in a row before this one (stored with the plan).</param>
public sealed record JudgeInput(
    int StepIndex,
    EndpointEvidence Step,
    EndpointEvidence Plan,
    double ObservedSeconds,
    int ConsecutiveFailures)
{
    /// <summary>
    /// Legacy's evidence to compare the domain path with: the step's own legacy traffic when it has enough for every
    /// check (legacy measured at the same moment is the fairest baseline), else legacy over the whole plan so far
    /// (at 100 % the step has none).
    /// </summary>
    public PathEvidence LegacyReference(RolloutPlanSettings settings) =>
        Step.Legacy.Requests >= Math.Max(settings.MinRequests, settings.MinLatencySamples) ? Step.Legacy : Plan.Legacy;
}
