using System.Collections.Concurrent;
using Microsoft.FeatureManagement;
using Microsoft.FeatureManagement.FeatureFilters;

namespace CameraMonitor.Application.Rollout.Routing;

/// <summary>
/// Kill switch, then force_domain, then the endpoint's sticky percentage (with allow/deny lists). The reason says
/// which rule decided, so evidence about the percentage split never includes a request a list steered.
/// </summary>
public sealed class RolloutRouter(IFeatureManager featureManager, IRolloutState state) : IRolloutRouter
{
    // The lists of each endpoint as sets, rebuilt only when the rollout state changes (not per request).
    private readonly ConcurrentDictionary<string, SteeringLists> _lists = new(StringComparer.Ordinal);

    public async Task<RoutingDecision> DecideAsync(string endpoint, RequestContext context)
    {
        if (!await featureManager.IsEnabledAsync(FeatureNames.UseDomainService))
        {
            return new RoutingDecision(false, RoutingDecision.KillSwitch);
        }

        if (context.ForceDomain is { } forced)
        {
            return new RoutingDecision(forced, RoutingDecision.ForceDomain);
        }

        var targeting = new TargetingContext { UserId = context.ClientKey };
        var inRollout = await featureManager.IsEnabledAsync(FeatureNames.ForEndpoint(endpoint), targeting);
        var lists = Lists(endpoint);
        // The targeting filter's own precedence: the exclusion (deny) list wins over the inclusion (allow) list.
        var reason = lists.Deny.Contains(context.ClientKey) ? RoutingDecision.DenyList
            : lists.Allow.Contains(context.ClientKey) ? RoutingDecision.AllowList
            : RoutingDecision.Percentage;
        return new RoutingDecision(inRollout, reason);
    }

    private SteeringLists Lists(string endpoint)
    {
        var version = state.Version;
        if (_lists.TryGetValue(endpoint, out var lists) && lists.Version == version)
        {
            return lists;
        }

        var rollout = state.Get(endpoint);
        lists = new SteeringLists(version, rollout.Allow.ToHashSet(StringComparer.Ordinal),
            rollout.Deny.ToHashSet(StringComparer.Ordinal));
        _lists[endpoint] = lists;
        return lists;
    }

    private sealed record SteeringLists(long Version, HashSet<string> Allow, HashSet<string> Deny);
}
