using CameraMonitor.Application.Common.Rollout;
using MediatR;

namespace CameraMonitor.Application.Admin.Rollout.ListRolloutAudit;

public sealed class ListRolloutAuditHandler(IRolloutOverrideStore store)
    : IRequestHandler<ListRolloutAuditQuery, ListRolloutAuditResponse>
{
    public async Task<ListRolloutAuditResponse> Handle(ListRolloutAuditQuery request, CancellationToken cancellationToken) =>
        new(await store.AuditAsync(request.Limit ?? ListRolloutAuditQuery.DefaultLimit, cancellationToken));
}
