using CameraMonitor.Application.Common.Rollout;

namespace CameraMonitor.Application.SystemInfo.GetSystemInfo;

/// <summary>The rollout in force: the global kill switch and every routed endpoint's effective settings.</summary>
public sealed record RolloutStatus(bool KillSwitchAllowsDomain, IReadOnlyList<EffectiveEndpointRollout> Endpoints)
{
    public static RolloutStatus From(IRolloutState state) => new(state.KillSwitchAllowsDomain, state.All());
}
