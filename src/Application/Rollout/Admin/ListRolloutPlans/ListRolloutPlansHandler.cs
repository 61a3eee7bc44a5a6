using CameraMonitor.Application.Rollout.Plans;
using MediatR;

namespace CameraMonitor.Application.Rollout.Admin.ListRolloutPlans;

public sealed class ListRolloutPlansHandler(IRolloutPlanStore store)
    : IRequestHandler<ListRolloutPlansQuery, ListRolloutPlansResponse>
{
    public async Task<ListRolloutPlansResponse> Handle(ListRolloutPlansQuery request, CancellationToken cancellationToken) =>
        new(await store.ListAsync(ListRolloutPlansQuery.Limit, cancellationToken));
}
