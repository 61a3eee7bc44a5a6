using CameraMonitor.Application.Common.Rollout.Plans;
using MediatR;

namespace CameraMonitor.Application.Admin.Rollout.ListRolloutPlans;

public sealed class ListRolloutPlansHandler(IRolloutPlanStore store)
    : IRequestHandler<ListRolloutPlansQuery, ListRolloutPlansResponse>
{
    public async Task<ListRolloutPlansResponse> Handle(ListRolloutPlansQuery request, CancellationToken cancellationToken) =>
        new(await store.ListAsync(ListRolloutPlansQuery.Limit, cancellationToken));
}
