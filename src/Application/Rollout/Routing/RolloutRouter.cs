using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.FeatureManagement;
using Microsoft.FeatureManagement.FeatureFilters;

namespace CameraMonitor.Application.Rollout.Routing;

/// <summary>
/// Kill switch, then force_domain, then the endpoint's targeting flag (deny list, allow list, sticky percentage).
/// Microsoft.FeatureManagement stays the source of the flag definitions (<see cref="IFeatureDefinitionProvider"/>), but
/// instead of a full filter evaluation per request (≈ 9 µs and 5.5 KB measured), each definition is compiled once per
/// configuration version into a <see cref="CompiledEndpointRouting"/>; the per-request path then reads two fields, probes
/// two frozen sets and hashes a stack buffer, and returns a cached task.
/// </summary>
public sealed class RolloutRouter(IFeatureDefinitionProvider definitions, IRolloutState state) : IRolloutRouter
{
    private const string TargetingFilter = "Microsoft.Targeting";
    private static readonly string[] AlwaysOnFilters = ["AlwaysOn", "Microsoft.AlwaysOn"];

    private readonly ConcurrentDictionary<string, Compiled> _endpoints = new(StringComparer.Ordinal);
    private volatile KillSwitchState? _killSwitch;

    public Task<RoutingDecision> DecideAsync(string endpoint, RequestContext context)
    {
        var version = state.Version;
        var killSwitchConfigured = state.KillSwitchAllowsDomain;
        var killSwitch = _killSwitch;
        if (killSwitch is null || killSwitch.Version != version || killSwitch.Configured != killSwitchConfigured
            || !_endpoints.TryGetValue(endpoint, out var compiled) || compiled.Version != version)
        {
            return DecideAfterCompilingAsync(endpoint, context, version, killSwitchConfigured);
        }

        return Decide(killSwitch.AllowsDomain, compiled.Routing, context);
    }

    private static Task<RoutingDecision> Decide(bool killSwitchAllowsDomain, CompiledEndpointRouting routing, RequestContext context)
    {
        if (!killSwitchAllowsDomain)
        {
            return RoutingDecisions.KillSwitch;
        }

        if (context.ForceDomain is { } forced)
        {
            return forced ? RoutingDecisions.ForcedDomain : RoutingDecisions.ForcedLegacy;
        }

        return routing.Decide(context.ClientKey);
    }

    private async Task<RoutingDecision> DecideAfterCompilingAsync(string endpoint, RequestContext context, long version, bool killSwitchConfigured)
    {
        var killSwitchDefinition = await definitions.GetFeatureDefinitionAsync(FeatureNames.UseDomainService);
        var killSwitch = new KillSwitchState(version, killSwitchConfigured, IsAlwaysOn(killSwitchDefinition));
        _killSwitch = killSwitch;

        var featureName = FeatureNames.ForEndpoint(endpoint);
        var definition = await definitions.GetFeatureDefinitionAsync(featureName);
        var compiled = new Compiled(version, new CompiledEndpointRouting(featureName, TargetingSettings(definition)));
        _endpoints[endpoint] = compiled;

        return await Decide(killSwitch.AllowsDomain, compiled.Routing, context);
    }

    private static bool IsAlwaysOn(FeatureDefinition? definition) =>
        definition?.EnabledFor?.Any(filter => AlwaysOnFilters.Contains(filter.Name, StringComparer.OrdinalIgnoreCase)) == true;

    private static TargetingFilterSettings? TargetingSettings(FeatureDefinition? definition) =>
        definition?.EnabledFor?
            .FirstOrDefault(filter => string.Equals(filter.Name, TargetingFilter, StringComparison.OrdinalIgnoreCase))?
            .Parameters?.Get<TargetingFilterSettings>();

    private sealed record Compiled(long Version, CompiledEndpointRouting Routing);

    private sealed record KillSwitchState(long Version, bool Configured, bool AllowsDomain);
}
