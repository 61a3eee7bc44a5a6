using MediatR;

namespace CameraMonitor.Application.Rollout.Admin.ListRolloutEndpoints;

/// <summary>GET /api/v1/admin/rollout/endpoints. Not an IQuery: the operator API has no legacy path to route to.</summary>
public sealed record ListRolloutEndpointsQuery : IRequest<ListRolloutEndpointsResponse>;
