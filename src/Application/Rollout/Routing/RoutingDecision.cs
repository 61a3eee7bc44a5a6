namespace CameraMonitor.Application.Rollout.Routing;

/// <param name="UseDomain">true: try the domain handler first; false: legacy only.</param>
/// <param name="Reason">Which rule decided: kill_switch, force_domain or percentage.</param>
public sealed record RoutingDecision(bool UseDomain, string Reason)
{
    public const string KillSwitch = "kill_switch";

    /// <summary>The kill switch sent it to legacy: domain code must not run at all, not even as a shadow.</summary>
    public bool ByKillSwitch => Reason == KillSwitch;
}
