using MediatR;

namespace CameraMonitor.Application.Rollout.Admin.ListRolloutPlans;

/// <summary>GET /api/v1/admin/rollout/plans: every endpoint's plans, newest first (at most <see cref="Limit"/>).</summary>
public sealed record ListRolloutPlansQuery : IRequest<ListRolloutPlansResponse>
{
    public const int Limit = 100;
}
