using CameraMonitor.Application.Rollout.Admin.Shared;
using CameraMonitor.Application.Rollout.Evidence;
using CameraMonitor.Application.Rollout.Plans;
using CameraMonitor.Application.Rollout.Routing;
using CameraMonitor.Domain.Common;
using MediatR;

namespace CameraMonitor.Application.Rollout.Admin.StartRolloutPlan;

public sealed class StartRolloutPlanHandler(
    RolloutChanges changes,
    IRolloutPlanStore store,
    IEvidenceFlusher evidence,
    IRolloutStateRefresher refresher,
    IPlanEvents events,
    TimeProvider clock)
    : IRequestHandler<StartRolloutPlanCommand, RolloutPlan>
{
    public async Task<RolloutPlan> Handle(StartRolloutPlanCommand request, CancellationToken cancellationToken)
    {
        // Evidence recorded here so far goes out in a slice that ends before the step starts: it is not the step's.
        await evidence.FlushAsync(cancellationToken);
        var now = clock.UtcNowForStorage().UtcDateTime;
        var plan = await store.StartAsync(changes.Canonical(request.Endpoint), request.ToSettings(), request.Actor,
            request.Reason, request.WebhookUrl, request.WebhookSecret, now, cancellationToken);
        await refresher.RefreshAsync(cancellationToken);
        events.Publish(plan, PlanEventTypes.Started, request.Actor, request.Reason);
        return plan;
    }
}
