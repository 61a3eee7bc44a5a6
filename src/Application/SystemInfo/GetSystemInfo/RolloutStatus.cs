using CameraMonitor.Application.Rollout.Admin.Shared;
using CameraMonitor.Application.Rollout.Routing;

namespace CameraMonitor.Application.SystemInfo.GetSystemInfo;

/// <summary>
/// The rollout in force: the global kill switch and every routed endpoint's effective settings, in the
/// same shape as the operator API shows them.
/// </summary>
public sealed record RolloutStatus(bool KillSwitchAllowsDomain, IReadOnlyList<EndpointRolloutDto> Endpoints)
{
    public static RolloutStatus From(IRolloutState state) =>
        new(state.KillSwitchAllowsDomain, state.All().Select(EndpointRolloutDto.From).ToList());
}
