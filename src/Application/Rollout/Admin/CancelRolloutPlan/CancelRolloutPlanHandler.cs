using CameraMonitor.Application.Common.Errors;
using CameraMonitor.Application.Rollout.Admin.Shared;
using CameraMonitor.Application.Rollout.Plans;
using CameraMonitor.Domain.Common;
using MediatR;

namespace CameraMonitor.Application.Rollout.Admin.CancelRolloutPlan;

public sealed class CancelRolloutPlanHandler(RolloutChanges changes, IRolloutPlanStore store, TimeProvider clock)
    : IRequestHandler<CancelRolloutPlanCommand, RolloutPlan>
{
    public async Task<RolloutPlan> Handle(CancelRolloutPlanCommand request, CancellationToken cancellationToken)
    {
        var name = changes.Canonical(request.Endpoint);
        return await store.CancelAsync(name, request.Actor, request.Reason, clock.UtcNowForStorage().UtcDateTime, cancellationToken)
            ?? throw new NotFoundException("active rollout plan of endpoint", name);
    }
}
