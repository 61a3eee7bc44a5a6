using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.FeatureManagement;

namespace CameraMonitor.Application.Rollout.Routing;

/// <summary>
/// Serves the kill switch and one targeting flag per endpoint to Microsoft.FeatureManagement, built from
/// <see cref="IRolloutState"/> instead of the "FeatureManagement" section. The targeting filter does the
/// sticky bucketing (SHA-256 of client key + flag name), so a key that is in at 10 % is still in at 25 %.
/// </summary>
public sealed class RolloutFeatureDefinitionProvider(IRolloutState state) : IFeatureDefinitionProvider
{
    private const string TargetingFilterName = "Microsoft.Targeting";

    private static readonly FeatureDefinition KillSwitchOn = new()
    {
        Name = FeatureNames.UseDomainService,
        EnabledFor = [new FeatureFilterConfiguration { Name = "AlwaysOn" }],
    };

    private static readonly FeatureDefinition KillSwitchOff = new() { Name = FeatureNames.UseDomainService, EnabledFor = [] };

    // Rebuilt only when the state's version moves, so the filter's bound settings stay cached in between.
    private readonly ConcurrentDictionary<string, (long Version, FeatureDefinition Definition)> _endpointDefinitions = new();

    public Task<FeatureDefinition> GetFeatureDefinitionAsync(string featureName)
    {
        if (featureName == FeatureNames.UseDomainService)
        {
            return Task.FromResult(state.KillSwitchAllowsDomain ? KillSwitchOn : KillSwitchOff);
        }

        if (!FeatureNames.TryGetEndpoint(featureName, out var endpoint))
        {
            return Task.FromResult<FeatureDefinition>(null!);
        }

        var version = state.Version;
        if (_endpointDefinitions.TryGetValue(endpoint, out var cached) && cached.Version == version)
        {
            return Task.FromResult(cached.Definition);
        }

        var definition = Build(featureName, state.Get(endpoint));
        _endpointDefinitions[endpoint] = (version, definition);
        return Task.FromResult(definition);
    }

    public async IAsyncEnumerable<FeatureDefinition> GetAllFeatureDefinitionsAsync()
    {
        yield return await GetFeatureDefinitionAsync(FeatureNames.UseDomainService);
        foreach (var endpoint in state.All())
        {
            yield return await GetFeatureDefinitionAsync(FeatureNames.ForEndpoint(endpoint.Endpoint));
        }
    }

    private static FeatureDefinition Build(string featureName, EffectiveEndpointRollout rollout)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Audience:DefaultRolloutPercentage"] = rollout.Percentage.ToString(CultureInfo.InvariantCulture),
        };
        AddList(settings, "Audience:Users", rollout.Allow);
        AddList(settings, "Audience:Exclusion:Users", rollout.Deny);

        return new FeatureDefinition
        {
            Name = featureName,
            EnabledFor =
            [
                new FeatureFilterConfiguration
                {
                    Name = TargetingFilterName,
                    Parameters = new ConfigurationBuilder().AddInMemoryCollection(settings).Build(),
                },
            ],
        };
    }

    private static void AddList(Dictionary<string, string?> settings, string key, IReadOnlyList<string> values)
    {
        for (var i = 0; i < values.Count; i++)
        {
            settings[$"{key}:{i}"] = values[i];
        }
    }
}
