using System.Text.Json.Serialization;
using CameraMonitor.Application.Common.Errors;

namespace CameraMonitor.Application.Rollout.Plans;

/// <summary>A progressive rollout of one endpoint (a row of rollout_plans), and how verdicts and verbs move it.</summary>
/// <param name="State">One of <see cref="RolloutPlanStates"/>.</param>
/// <param name="CurrentStepIndex">Index into <see cref="RolloutPlanSettings.Steps"/>.</param>
/// <param name="EndReason">Why the plan ended (completed, rolled back with the verdict, or cancelled by whom).</param>
/// <param name="ConsecutiveFailures">Failing evaluations in a row (stored with the plan, so any instance judges alike).</param>
/// <param name="PausedReason">Why a paused plan is paused (an inconclusive window, or the operator who paused it).</param>
/// <param name="WebhookUrl">Where this plan's events go (null: the configured default, if any).</param>
/// <param name="History">Recent verdicts, newest first (filled for the report).</param>
/// <param name="Audit">Operator verbs applied to the plan, newest first (filled for the report).</param>
/// <param name="Webhooks">Recent webhook deliveries, newest first (filled for the report).</param>
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
    PlanEvaluation? LastEvaluation,
    int ConsecutiveFailures = 0,
    string? PausedReason = null,
    string? WebhookUrl = null,
    IReadOnlyList<PlanEvaluation>? History = null,
    IReadOnlyList<PlanAuditEntry>? Audit = null,
    IReadOnlyList<WebhookDelivery>? Webhooks = null)
{
    /// <summary>The HMAC key of this plan's webhook; never shown.</summary>
    [JsonIgnore]
    public string? WebhookSecret { get; init; }

    public int CurrentPercentage => Settings.Steps[CurrentStepIndex];

    public bool IsLastStep => CurrentStepIndex == Settings.Steps.Count - 1;

    /// <summary>
    /// The plan after <paramref name="evaluation"/>, and the percentage to set (null: leave it): promote moves to the
    /// next step, rollback ends the plan at 0 %, complete ends it where it is, inconclusive pauses it, hold only
    /// records the evaluation. A dry-run plan walks its steps and records every verdict but never sets a percentage;
    /// a rollback verdict restarts its step's window instead of ending it.
    /// </summary>
    public PlanUpdate After(PlanEvaluation evaluation)
    {
        var at = evaluation.EvaluatedAt;
        var recorded = this with { LastEvaluation = evaluation, ConsecutiveFailures = evaluation.ConsecutiveFailures };
        return evaluation.Verdict switch
        {
            PlanVerdicts.Promote => new PlanUpdate(recorded.NextStep(at), Percentage(Settings.Steps[CurrentStepIndex + 1])),
            PlanVerdicts.Rollback when Settings.DryRun => new PlanUpdate(recorded with { StepStartedAt = at, ConsecutiveFailures = 0 }, null),
            PlanVerdicts.Rollback => new PlanUpdate(recorded.End(RolloutPlanStates.RolledBack, at, evaluation.Reason), 0),
            PlanVerdicts.Complete => new PlanUpdate(recorded.End(RolloutPlanStates.Completed, at, evaluation.Reason), null),
            PlanVerdicts.Inconclusive => new PlanUpdate(recorded with { State = RolloutPlanStates.Paused, PausedReason = evaluation.Reason }, null),
            _ => new PlanUpdate(recorded, null),
        };
    }

    /// <summary>Stops judging; the percentage stays. Only an active plan can be paused.</summary>
    public PlanUpdate Pause(string actor, string? reason)
    {
        Require(PlanVerbs.Pause, RolloutPlanStates.Active);
        return new PlanUpdate(this with { State = RolloutPlanStates.Paused, PausedReason = By("paused", actor, reason) }, null);
    }

    /// <summary>Judges again, with the step's window restarted (evidence from before the pause is not this step's any more).</summary>
    public PlanUpdate Resume(DateTime now)
    {
        Require(PlanVerbs.Resume, RolloutPlanStates.Paused);
        return new PlanUpdate(this with { State = RolloutPlanStates.Active, PausedReason = null, StepStartedAt = now, ConsecutiveFailures = 0 }, null);
    }

    /// <summary>Skips the rest of the window: the next step now (active again if paused), or complete at the last step.</summary>
    public PlanUpdate PromoteNow(DateTime now, string actor, string? reason)
    {
        Require(PlanVerbs.Promote, RolloutPlanStates.Active, RolloutPlanStates.Paused);
        return IsLastStep
            ? new PlanUpdate(End(RolloutPlanStates.Completed, now, By("completed", actor, reason)), null)
            : new PlanUpdate(NextStep(now) with { State = RolloutPlanStates.Active, PausedReason = null },
                Percentage(Settings.Steps[CurrentStepIndex + 1]));
    }

    /// <summary>Ends the plan at 0 % (a dry-run plan ends without touching the percentage).</summary>
    public PlanUpdate Abort(DateTime now, string actor, string? reason)
    {
        Require(PlanVerbs.Abort, RolloutPlanStates.Active, RolloutPlanStates.Paused);
        return new PlanUpdate(End(RolloutPlanStates.Aborted, now, By("aborted", actor, reason)), Percentage(0));
    }

    /// <summary>Stops the plan; the percentage stays where it is.</summary>
    public PlanUpdate Cancel(DateTime now, string actor, string? reason)
    {
        Require(PlanVerbs.Cancel, RolloutPlanStates.Active, RolloutPlanStates.Paused);
        return new PlanUpdate(End(RolloutPlanStates.Cancelled, now, By("cancelled", actor, reason)), null);
    }

    /// <summary>The operator verb by name (one of <see cref="PlanVerbs"/>).</summary>
    public PlanUpdate Apply(string verb, DateTime now, string actor, string? reason) => verb switch
    {
        PlanVerbs.Pause => Pause(actor, reason),
        PlanVerbs.Resume => Resume(now),
        PlanVerbs.Promote => PromoteNow(now, actor, reason),
        PlanVerbs.Abort => Abort(now, actor, reason),
        PlanVerbs.Cancel => Cancel(now, actor, reason),
        _ => throw new ArgumentOutOfRangeException(nameof(verb), verb, "not a plan verb"),
    };

    private RolloutPlan NextStep(DateTime at) =>
        this with { CurrentStepIndex = CurrentStepIndex + 1, StepStartedAt = at, ConsecutiveFailures = 0 };

    private RolloutPlan End(string state, DateTime at, string reason) =>
        this with { State = state, EndedAt = at, EndReason = reason, PausedReason = null };

    private double? Percentage(double percentage) => Settings.DryRun ? null : percentage;

    private void Require(string verb, params string[] states)
    {
        if (!states.Contains(State))
        {
            throw new ConflictException($"cannot {verb} rollout plan #{Id} of '{Endpoint}': it is {State} (needs {string.Join(" or ", states)}).");
        }
    }

    private static string By(string what, string actor, string? reason) => $"{what} by {actor}" + (reason is null ? "" : $": {reason}");
}
