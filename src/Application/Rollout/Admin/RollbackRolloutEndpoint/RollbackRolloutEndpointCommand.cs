using CameraMonitor.Application.Rollout.Admin.Shared;
using MediatR;

namespace CameraMonitor.Application.Rollout.Admin.RollbackRolloutEndpoint;

/// <summary>POST /api/v1/admin/rollout/endpoints/{name}/rollback: percentage 0 in one call, other values kept.</summary>
public sealed record RollbackRolloutEndpointCommand(string Endpoint, string Actor, string? Reason) : IRequest<EndpointRolloutDto>;
