using CameraMonitor.Application.Admin.Rollout.Common;

namespace CameraMonitor.Application.Admin.Rollout.ListRolloutEndpoints;

/// <param name="KillSwitchAllowsDomain">false: UseDomainService is off and every request is served by legacy.</param>
public sealed record ListRolloutEndpointsResponse(bool KillSwitchAllowsDomain, IReadOnlyList<EndpointRolloutDto> Endpoints);
