using CameraMonitor.Application.Rollout.Routing;

namespace CameraMonitor.Application.Rollout.Evidence;

/// <summary>
/// How a request's path was chosen, as stored in rollout_evidence_slices.route_group: by the percentage split (the
/// only evidence about it) or steered by a rule that overrides the split (counted apart, never judged).
/// </summary>
public static class RouteGroups
{
    public const string Percentage = "percentage";

    /// <summary>The group of a routing decision: its reason (kill_switch, force_domain, allow_list, deny_list or percentage).</summary>
    public static string Of(RoutingDecision decision) => decision.Reason;

    public static bool IsSteered(string group) => group != Percentage;
}
