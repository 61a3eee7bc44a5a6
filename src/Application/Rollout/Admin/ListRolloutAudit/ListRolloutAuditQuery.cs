using MediatR;

namespace CameraMonitor.Application.Rollout.Admin.ListRolloutAudit;

/// <summary>GET /api/v1/admin/rollout/audit?limit=N: the latest changes, newest first.</summary>
public sealed record ListRolloutAuditQuery(int? Limit = null) : IRequest<ListRolloutAuditResponse>
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;
}
