using CameraMonitor.Application.Rollout.Admin.Shared;

namespace CameraMonitor.Application.Rollout.Admin.ListRolloutEndpoints;

/// <param name="KillSwitchAllowsDomain">false: UseDomainService is off and every request is served by legacy.</param>
public sealed record ListRolloutEndpointsResponse(bool KillSwitchAllowsDomain, IReadOnlyList<EndpointRolloutDto> Endpoints);
