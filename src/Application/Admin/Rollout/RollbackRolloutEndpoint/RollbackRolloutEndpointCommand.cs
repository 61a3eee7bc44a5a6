using CameraMonitor.Application.Admin.Rollout.Common;
using MediatR;

namespace CameraMonitor.Application.Admin.Rollout.RollbackRolloutEndpoint;

/// <summary>POST /api/v1/admin/rollout/endpoints/{name}/rollback: percentage 0 in one call, other values kept.</summary>
public sealed record RollbackRolloutEndpointCommand(string Endpoint, string Actor, string? Reason) : IRequest<EndpointRolloutDto>;
