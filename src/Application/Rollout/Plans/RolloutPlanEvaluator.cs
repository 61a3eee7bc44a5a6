using CameraMonitor.Application.Rollout.Plans.Judge;
using CameraMonitor.Application.Rollout.Routing;
using CameraMonitor.Domain.Common;
using Microsoft.Extensions.Logging;

namespace CameraMonitor.Application.Rollout.Plans;

/// <summary>
/// One evaluation round: every active plan is locked (skipped if another instance holds it), measured since its
/// step started, judged by <see cref="RolloutJudge"/> and stored with the percentage it sets; every verdict but
/// hold is announced to the plan's webhook.
/// </summary>
public sealed class RolloutPlanEvaluator(
    IRolloutPlanStore store,
    IPlanEvidenceSource evidence,
    IRolloutStateRefresher refresher,
    IPlanEvents events,
    TimeProvider clock,
    ILogger<RolloutPlanEvaluator> logger)
{
    /// <summary>The actor of the audit rows the plans write.</summary>
    public const string Actor = "auto-rollout";

    /// <summary>The plans this instance evaluated, as stored afterwards.</summary>
    public async Task<IReadOnlyList<RolloutPlan>> EvaluateAllAsync(CancellationToken cancellationToken)
    {
        var evaluated = new List<RolloutPlan>();
        evidence.Retain(await store.OpenIdsAsync(cancellationToken));
        foreach (var id in await store.ActiveIdsAsync(cancellationToken))
        {
            try
            {
                if (await EvaluateAsync(id, cancellationToken) is { } stored)
                {
                    evaluated.Add(stored);
                }
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                // One plan that cannot be evaluated (e.g. a database error) must not stop the others.
                logger.LogError(exception, "Evaluating rollout plan {PlanId} failed; it is tried again next round", id);
            }
        }

        return evaluated;
    }

    private async Task<RolloutPlan?> EvaluateAsync(long id, CancellationToken cancellationToken)
    {
        var now = clock.UtcNowForStorage().UtcDateTime;
        var stored = await store.TryUpdateAsync(id, async plan =>
        {
            var measured = await evidence.MeasureAsync(plan, now, cancellationToken);
            var observed = Math.Max(0, (now - measured.WindowStartedAt).TotalSeconds);
            var verdict = RolloutJudge.Judge(plan.Settings,
                new JudgeInput(plan.CurrentStepIndex, measured.Step, measured.Plan, observed, plan.ConsecutiveFailures));
            return plan.After(new PlanEvaluation(now, plan.CurrentStepIndex, plan.CurrentPercentage, verdict.Verdict,
                verdict.Reason, StepHealth.From(measured.Step, measured.WindowStartedAt, observed), verdict.Checks,
                plan.Settings.DryRun, verdict.ConsecutiveFailures));
        }, Actor, cancellationToken);
        if (stored is not null)
        {
            await AfterAsync(stored, now, cancellationToken);
        }

        return stored;
    }

    private async Task AfterAsync(RolloutPlan plan, DateTime now, CancellationToken cancellationToken)
    {
        var evaluation = plan.LastEvaluation!;
        if (PlanEventTypes.OfVerdict(evaluation.Verdict, plan.Settings.DryRun) is not { } type)
        {
            return;
        }

        logger.Log(evaluation.Verdict == PlanVerdicts.Rollback ? LogLevel.Warning : LogLevel.Information,
            "Rollout plan {PlanId} of {Endpoint}: {Verdict}{DryRun}: {Reason}", plan.Id, plan.Endpoint, evaluation.Verdict,
            plan.Settings.DryRun ? " (dry run)" : "", evaluation.Reason);
        events.Publish(plan, type, Actor, evaluation.Reason);
        if (plan.State == RolloutPlanStates.Active)
        {
            evidence.Begin(plan, now);
        }

        // This instance serves the new percentage at once; the others follow through NOTIFY.
        await refresher.RefreshAsync(cancellationToken);
    }
}
