namespace CameraMonitor.Application.Rollout.Routing;

/// <summary>Every decision the router can make, as completed tasks created once: routing a request allocates nothing.</summary>
internal static class RoutingDecisions
{
    public static readonly Task<RoutingDecision> KillSwitch = Task.FromResult(new RoutingDecision(false, RoutingDecision.KillSwitch));
    public static readonly Task<RoutingDecision> ForcedDomain = Task.FromResult(new RoutingDecision(true, RoutingDecision.ForceDomain));
    public static readonly Task<RoutingDecision> ForcedLegacy = Task.FromResult(new RoutingDecision(false, RoutingDecision.ForceDomain));
    public static readonly Task<RoutingDecision> DenyList = Task.FromResult(new RoutingDecision(false, RoutingDecision.DenyList));
    public static readonly Task<RoutingDecision> AllowList = Task.FromResult(new RoutingDecision(true, RoutingDecision.AllowList));
    public static readonly Task<RoutingDecision> PercentageDomain = Task.FromResult(new RoutingDecision(true, RoutingDecision.Percentage));
    public static readonly Task<RoutingDecision> PercentageLegacy = Task.FromResult(new RoutingDecision(false, RoutingDecision.Percentage));
}
