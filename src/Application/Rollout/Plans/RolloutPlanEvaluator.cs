using CameraMonitor.Application.Rollout.Evidence;
using CameraMonitor.Application.Rollout.Plans.Judge;
using CameraMonitor.Application.Rollout.Routing;
using CameraMonitor.Domain.Common;
using Microsoft.Extensions.Logging;

namespace CameraMonitor.Application.Rollout.Plans;

/// <summary>
/// One evaluation round: every active plan is locked (skipped if another instance holds it), measured from the
/// cluster's evidence since its step (and the plan) started, judged by <see cref="RolloutJudge"/> and stored with the
/// percentage it sets; every verdict but hold is announced to the plan's webhook. This instance's own evidence is
/// published first, so the round sees its latest requests too.
/// </summary>
public sealed class RolloutPlanEvaluator(
    IRolloutPlanStore store,
    ClusterPlanEvidence observer,
    IEvidenceFlusher evidence,
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
        var active = await store.ActiveIdsAsync(cancellationToken);
        if (active.Count > 0)
        {
            // Before any "now" is taken, so the flushed slice ends no later than a step this round starts.
            await evidence.FlushAsync(cancellationToken);
        }

        foreach (var id in active)
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
            var measured = await observer.MeasureAsync(plan, now, cancellationToken);
            var observed = Math.Max(0, (now - measured.WindowStartedAt).TotalSeconds);
            var verdict = RolloutJudge.Judge(plan.Settings,
                new JudgeInput(plan.CurrentStepIndex, measured.Step, measured.Plan, observed, plan.ConsecutiveFailures));
            var legacyLatency = measured.Step.Legacy.Latency.Count > 0 ? measured.Step.Legacy.Latency : measured.Plan.Legacy.Latency;
            return plan.After(new PlanEvaluation(now, plan.CurrentStepIndex, plan.CurrentPercentage, verdict.Verdict,
                verdict.Reason, StepHealth.From(measured.Step, legacyLatency, observed), verdict.Checks,
                plan.Settings.DryRun, verdict.ConsecutiveFailures));
        }, Actor, cancellationToken);
        if (stored is not null)
        {
            await AfterAsync(stored, cancellationToken);
        }

        return stored;
    }

    private async Task AfterAsync(RolloutPlan plan, CancellationToken cancellationToken)
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

        // This instance serves the new percentage at once; the others follow through NOTIFY.
        await refresher.RefreshAsync(cancellationToken);
    }
}
