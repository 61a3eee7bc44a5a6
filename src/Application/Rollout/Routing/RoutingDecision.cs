namespace CameraMonitor.Application.Rollout.Routing;

/// <param name="UseDomain">true: try the domain handler first; false: legacy only.</param>
/// <param name="Reason">Which rule decided: kill_switch, force_domain, deny_list, allow_list or percentage.</param>
public sealed record RoutingDecision(bool UseDomain, string Reason)
{
    public const string KillSwitch = "kill_switch";
    public const string ForceDomain = "force_domain";
    public const string DenyList = "deny_list";
    public const string AllowList = "allow_list";
    public const string Percentage = "percentage";

    /// <summary>The kill switch sent it to legacy: domain code must not run at all, not even as a shadow.</summary>
    public bool ByKillSwitch => Reason == KillSwitch;

    /// <summary>
    /// The path was chosen for this caller (force_domain, a list, the kill switch), not drawn by the percentage split:
    /// such requests are reported apart and are never evidence about the split.
    /// </summary>
    public bool IsSteered => Reason != Percentage;
}
