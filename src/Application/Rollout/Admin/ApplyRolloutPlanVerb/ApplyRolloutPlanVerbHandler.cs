using CameraMonitor.Application.Common.Errors;
using CameraMonitor.Application.Rollout.Admin.Shared;
using CameraMonitor.Application.Rollout.Evidence;
using CameraMonitor.Application.Rollout.Plans;
using CameraMonitor.Application.Rollout.Routing;
using CameraMonitor.Domain.Common;
using MediatR;

namespace CameraMonitor.Application.Rollout.Admin.ApplyRolloutPlanVerb;

public sealed class ApplyRolloutPlanVerbHandler(
    RolloutChanges changes,
    IRolloutPlanStore store,
    IEvidenceFlusher evidence,
    IRolloutStateRefresher refresher,
    IPlanEvents events,
    TimeProvider clock)
    : IRequestHandler<ApplyRolloutPlanVerbCommand, RolloutPlan>
{
    public async Task<RolloutPlan> Handle(ApplyRolloutPlanVerbCommand request, CancellationToken cancellationToken)
    {
        var name = changes.Canonical(request.Endpoint);
        if (request.Verb is PlanVerbs.Promote or PlanVerbs.Resume)
        {
            // Evidence recorded here so far goes out in a slice that ends before the new window starts: it is not its.
            await evidence.FlushAsync(cancellationToken);
        }

        var now = clock.UtcNowForStorage().UtcDateTime;
        var plan = await store.ApplyAsync(name, request.Verb, plan => plan.Apply(request.Verb, now, request.Actor, request.Reason),
            request.Actor, request.Reason, cancellationToken) ?? throw new NotFoundException("open rollout plan of endpoint", name);
        await refresher.RefreshAsync(cancellationToken);
        events.Publish(plan, plan.State == RolloutPlanStates.Completed ? PlanEventTypes.Completed : PlanEventTypes.OfVerb(request.Verb),
            request.Actor, request.Reason);
        return plan;
    }
}
