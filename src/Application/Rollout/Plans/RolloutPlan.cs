namespace CameraMonitor.Application.Rollout.Plans;

/// <summary>A progressive rollout of one endpoint (a row of rollout_plans).</summary>
/// <param name="State">One of <see cref="RolloutPlanStates"/>.</param>
/// <param name="CurrentStepIndex">Index into <see cref="RolloutPlanSettings.Steps"/>.</param>
/// <param name="EndReason">Why the plan ended (completed, rolled back with the verdict, or cancelled by whom).</param>
public sealed record RolloutPlan(
    long Id,
    string Endpoint,
    string State,
    RolloutPlanSettings Settings,
    int CurrentStepIndex,
    DateTime StepStartedAt,
    DateTime CreatedAt,
    string CreatedBy,
    DateTime? EndedAt,
    string? EndReason,
    PlanEvaluation? LastEvaluation)
{
    public int CurrentPercentage => Settings.Steps[CurrentStepIndex];

    public bool IsLastStep => CurrentStepIndex == Settings.Steps.Count - 1;

    /// <summary>
    /// The plan after <paramref name="evaluation"/>, and the percentage to set (null: leave it): promote moves to
    /// the next step, rollback ends the plan at 0 %, complete ends it where it is, hold only records the evaluation.
    /// </summary>
    public PlanUpdate After(PlanEvaluation evaluation)
    {
        var recorded = this with { LastEvaluation = evaluation };
        return evaluation.Verdict switch
        {
            PlanVerdicts.Promote => new PlanUpdate(
                recorded with { CurrentStepIndex = CurrentStepIndex + 1, StepStartedAt = evaluation.EvaluatedAt },
                Settings.Steps[CurrentStepIndex + 1]),
            PlanVerdicts.Rollback => new PlanUpdate(
                recorded with { State = RolloutPlanStates.RolledBack, EndedAt = evaluation.EvaluatedAt, EndReason = evaluation.Reason },
                0),
            PlanVerdicts.Complete => new PlanUpdate(
                recorded with { State = RolloutPlanStates.Completed, EndedAt = evaluation.EvaluatedAt, EndReason = evaluation.Reason },
                null),
            _ => new PlanUpdate(recorded, null),
        };
    }
}
