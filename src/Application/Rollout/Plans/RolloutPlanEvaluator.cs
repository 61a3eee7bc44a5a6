using CameraMonitor.Application.Rollout.Routing;
using CameraMonitor.Domain.Common;
using Microsoft.Extensions.Logging;

namespace CameraMonitor.Application.Rollout.Plans;

/// <summary>
/// One evaluation round: every active plan is locked (skipped if another instance holds it), measured since its
/// step started, decided by <see cref="RolloutPlanDecider"/> and stored with the percentage it sets.
/// </summary>
public sealed class RolloutPlanEvaluator(
    IRolloutPlanStore store,
    RolloutStepObserver observer,
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
        observer.Retain(active);
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
        var stored = await store.TryUpdateAsync(id, plan =>
        {
            var health = observer.Measure(plan, now);
            var decision = RolloutPlanDecider.Decide(plan.Settings, plan.CurrentStepIndex, health);
            return plan.After(new PlanEvaluation(now, plan.CurrentStepIndex, plan.CurrentPercentage, decision.Verdict,
                decision.Reason, health));
        }, Actor, cancellationToken);
        if (stored is not null)
        {
            await AfterAsync(stored, now, cancellationToken);
        }

        return stored;
    }

    private async Task AfterAsync(RolloutPlan plan, DateTime now, CancellationToken cancellationToken)
    {
        var verdict = plan.LastEvaluation?.Verdict;
        if (verdict == PlanVerdicts.Hold)
        {
            return;
        }

        logger.Log(verdict == PlanVerdicts.Rollback ? LogLevel.Warning : LogLevel.Information,
            "Rollout plan {PlanId} of {Endpoint}: {Verdict}: {Reason}", plan.Id, plan.Endpoint, verdict, plan.LastEvaluation?.Reason);
        if (plan.State == RolloutPlanStates.Active)
        {
            observer.Begin(plan, now);
        }
        else
        {
            observer.Forget(plan.Id);
        }

        // This instance serves the new percentage at once; the others follow through NOTIFY.
        await refresher.RefreshAsync(cancellationToken);
    }
}
