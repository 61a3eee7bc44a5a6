using CameraMonitor.Application.Rollout.Plans.Judge;

namespace CameraMonitor.Application.Rollout.Plans;

/// <summary>One evaluation of a plan's current step: when, at which step, what was measured and the verdict.</summary>
/// <param name="Checks">Every check of the judge with its outcome and evidence (null in rows stored before the judge).</param>
/// <param name="DryRun">The plan was a dry run: the verdict was recorded, the percentage left alone.</param>
/// <param name="ConsecutiveFailures">Failing evaluations in a row, this one included.</param>
public sealed record PlanEvaluation(
    DateTime EvaluatedAt,
    int StepIndex,
    int Percentage,
    string Verdict,
    string Reason,
    StepHealth Measured,
    IReadOnlyList<CheckResult>? Checks = null,
    bool DryRun = false,
    int ConsecutiveFailures = 0)
{
    /// <summary>
    /// Whether this evaluation belongs in the plan's bounded verdict history after <paramref name="previous"/>: every
    /// verdict of a dry run, every verdict but hold, every failing evaluation, and the first hold of a step or after a
    /// failure; a run of identical healthy holds is shown by the plan's last evaluation alone.
    /// </summary>
    public bool IsNotableAfter(PlanEvaluation? previous) => DryRun || Verdict != PlanVerdicts.Hold || ConsecutiveFailures > 0
        || previous is null || previous.StepIndex != StepIndex || previous.ConsecutiveFailures > 0 || previous.Verdict != PlanVerdicts.Hold;
}
