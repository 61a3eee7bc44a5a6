using CameraMonitor.Application.Common.Errors;
using CameraMonitor.Application.Rollout.Admin.Shared;
using CameraMonitor.Application.Rollout.Plans;
using CameraMonitor.Application.Rollout.Routing;
using CameraMonitor.Domain.Common;
using MediatR;

namespace CameraMonitor.Application.Rollout.Admin.ApplyRolloutPlanVerb;

public sealed class ApplyRolloutPlanVerbHandler(
    RolloutChanges changes,
    IRolloutPlanStore store,
    IPlanEvidenceSource evidence,
    IRolloutStateRefresher refresher,
    IPlanEvents events,
    TimeProvider clock)
    : IRequestHandler<ApplyRolloutPlanVerbCommand, RolloutPlan>
{
    public async Task<RolloutPlan> Handle(ApplyRolloutPlanVerbCommand request, CancellationToken cancellationToken)
    {
        var name = changes.Canonical(request.Endpoint);
        var now = clock.UtcNowForStorage().UtcDateTime;
        var plan = await store.ApplyAsync(name, request.Verb, plan => plan.Apply(request.Verb, now, request.Actor, request.Reason),
            request.Actor, request.Reason, cancellationToken) ?? throw new NotFoundException("open rollout plan of endpoint", name);
        if (plan.State == RolloutPlanStates.Active)
        {
            evidence.Begin(plan, now);
        }

        await refresher.RefreshAsync(cancellationToken);
        events.Publish(plan, plan.State == RolloutPlanStates.Completed ? PlanEventTypes.Completed : PlanEventTypes.OfVerb(request.Verb),
            request.Actor, request.Reason);
        return plan;
    }
}
