namespace CameraMonitor.Application.Rollout.Plans;

/// <summary>One evaluation of a plan's current step: when, at which step, what was measured and the verdict.</summary>
public sealed record PlanEvaluation(
    DateTime EvaluatedAt,
    int StepIndex,
    int Percentage,
    string Verdict,
    string Reason,
    StepHealth Measured);
