using CameraMonitor.Application.Rollout.Evidence;
using CameraMonitor.Application.Rollout.Routing;
using CameraMonitor.Domain.Common;
using Microsoft.Extensions.Logging;

namespace CameraMonitor.Application.Rollout.Plans;

/// <summary>
/// One evaluation round: every active plan is locked (skipped if another instance holds it), measured from the
/// cluster's evidence since its step started, decided by <see cref="RolloutPlanDecider"/> and stored with the
/// percentage it sets. This instance's own evidence is published first, so the round sees its latest requests too.
/// </summary>
public sealed class RolloutPlanEvaluator(
    IRolloutPlanStore store,
    ClusterStepObserver observer,
    IEvidenceFlusher evidence,
    IRolloutStateRefresher refresher,
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
            var health = await observer.MeasureAsync(plan, now, cancellationToken);
            var decision = HoldWhileSilent(RolloutPlanDecider.Decide(plan.Settings, plan.CurrentStepIndex, health), health);
            return plan.After(new PlanEvaluation(now, plan.CurrentStepIndex, plan.CurrentPercentage, decision.Verdict,
                decision.Reason, health));
        }, Actor, cancellationToken);
        if (stored is not null)
        {
            await AfterAsync(stored, cancellationToken);
        }

        return stored;
    }

    // An instance that reported during the step and went quiet may be failing unseen: no promotion on its silence.
    private static PlanDecision HoldWhileSilent(PlanDecision decision, StepHealth health) =>
        decision.Verdict is PlanVerdicts.Promote or PlanVerdicts.Complete && health.SilentInstances is { Count: > 0 } silent
            ? new PlanDecision(PlanVerdicts.Hold, $"holding: instance(s) {string.Join(", ", silent)} stopped reporting evidence; "
                + "their silence is not health (" + decision.Reason + ")")
            : decision;

    private async Task AfterAsync(RolloutPlan plan, CancellationToken cancellationToken)
    {
        var verdict = plan.LastEvaluation?.Verdict;
        if (verdict == PlanVerdicts.Hold)
        {
            return;
        }

        logger.Log(verdict == PlanVerdicts.Rollback ? LogLevel.Warning : LogLevel.Information,
            "Rollout plan {PlanId} of {Endpoint}: {Verdict}: {Reason}", plan.Id, plan.Endpoint, verdict, plan.LastEvaluation?.Reason);
        // This instance serves the new percentage at once; the others follow through NOTIFY.
        await refresher.RefreshAsync(cancellationToken);
    }
}
