using Microsoft.FeatureManagement;
using Microsoft.FeatureManagement.FeatureFilters;

namespace CameraMonitor.Application.Rollout.Routing;

/// <summary>Kill switch, then force_domain, then the endpoint's sticky percentage (with allow/deny lists).</summary>
public sealed class RolloutRouter(IFeatureManager featureManager) : IRolloutRouter
{
    public async Task<RoutingDecision> DecideAsync(string endpoint, RequestContext context)
    {
        if (!await featureManager.IsEnabledAsync(FeatureNames.UseDomainService))
        {
            return new RoutingDecision(false, RoutingDecision.KillSwitch);
        }

        if (context.ForceDomain is { } forced)
        {
            return new RoutingDecision(forced, "force_domain");
        }

        var targeting = new TargetingContext { UserId = context.ClientKey };
        var inRollout = await featureManager.IsEnabledAsync(FeatureNames.ForEndpoint(endpoint), targeting);
        return new RoutingDecision(inRollout, "percentage");
    }
}
