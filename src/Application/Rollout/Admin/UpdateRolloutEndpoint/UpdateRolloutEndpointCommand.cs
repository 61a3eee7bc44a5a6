using CameraMonitor.Application.Rollout.Admin.Shared;
using CameraMonitor.Application.Rollout.Routing;
using MediatR;

namespace CameraMonitor.Application.Rollout.Admin.UpdateRolloutEndpoint;

/// <summary>PUT /api/v1/admin/rollout/endpoints/{name}: a partial update; members left null keep their value.</summary>
/// <param name="Actor">The owner of the API key that asked, for the audit row.</param>
public sealed record UpdateRolloutEndpointCommand(
    string Endpoint,
    string Actor,
    string? Reason,
    RolloutOverride Changes) : IRequest<EndpointRolloutDto>;
