using CameraMonitor.Application.Common.Errors;
using CameraMonitor.Application.Rollout.Admin.Shared;
using CameraMonitor.Application.Rollout.Plans;
using MediatR;

namespace CameraMonitor.Application.Rollout.Admin.GetRolloutPlan;

public sealed class GetRolloutPlanHandler(RolloutChanges changes, IRolloutPlanStore store)
    : IRequestHandler<GetRolloutPlanQuery, RolloutPlan>
{
    public async Task<RolloutPlan> Handle(GetRolloutPlanQuery request, CancellationToken cancellationToken)
    {
        var name = changes.Canonical(request.Endpoint);
        return await store.LatestAsync(name, cancellationToken) ?? throw new NotFoundException("rollout plan of endpoint", name);
    }
}
