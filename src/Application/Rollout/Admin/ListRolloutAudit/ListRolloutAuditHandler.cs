using CameraMonitor.Application.Rollout.Routing;
using MediatR;

namespace CameraMonitor.Application.Rollout.Admin.ListRolloutAudit;

public sealed class ListRolloutAuditHandler(IRolloutOverrideStore store)
    : IRequestHandler<ListRolloutAuditQuery, ListRolloutAuditResponse>
{
    public async Task<ListRolloutAuditResponse> Handle(ListRolloutAuditQuery request, CancellationToken cancellationToken) =>
        new(await store.AuditAsync(request.Limit ?? ListRolloutAuditQuery.DefaultLimit, cancellationToken));
}
