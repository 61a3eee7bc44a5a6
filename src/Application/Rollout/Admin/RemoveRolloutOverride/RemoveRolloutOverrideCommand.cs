using CameraMonitor.Application.Rollout.Admin.Shared;
using MediatR;

namespace CameraMonitor.Application.Rollout.Admin.RemoveRolloutOverride;

/// <summary>DELETE /api/v1/admin/rollout/endpoints/{name}: back to the configured values.</summary>
public sealed record RemoveRolloutOverrideCommand(string Endpoint, string Actor, string? Reason) : IRequest<EndpointRolloutDto>;
