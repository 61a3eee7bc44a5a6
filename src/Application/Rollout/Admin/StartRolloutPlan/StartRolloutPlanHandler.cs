using CameraMonitor.Application.Rollout.Admin.Shared;
using CameraMonitor.Application.Rollout.Plans;
using CameraMonitor.Application.Rollout.Routing;
using CameraMonitor.Domain.Common;
using MediatR;

namespace CameraMonitor.Application.Rollout.Admin.StartRolloutPlan;

public sealed class StartRolloutPlanHandler(
    RolloutChanges changes,
    IRolloutPlanStore store,
    IPlanEvidenceSource evidence,
    IRolloutStateRefresher refresher,
    IPlanEvents events,
    TimeProvider clock)
    : IRequestHandler<StartRolloutPlanCommand, RolloutPlan>
{
    public async Task<RolloutPlan> Handle(StartRolloutPlanCommand request, CancellationToken cancellationToken)
    {
        var now = clock.UtcNowForStorage().UtcDateTime;
        var plan = await store.StartAsync(changes.Canonical(request.Endpoint), request.ToSettings(), request.Actor,
            request.Reason, request.WebhookUrl, request.WebhookSecret, now, cancellationToken);
        // The window starts before the first step is served here, so every request of the step is counted.
        evidence.Begin(plan, now);
        await refresher.RefreshAsync(cancellationToken);
        events.Publish(plan, PlanEventTypes.Started, request.Actor, request.Reason);
        return plan;
    }
}
