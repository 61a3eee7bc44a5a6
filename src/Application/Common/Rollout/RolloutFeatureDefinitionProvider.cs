using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Microsoft.FeatureManagement;

namespace CameraMonitor.Application.Common.Rollout;

/// <summary>
/// Serves the kill switch and one targeting flag per endpoint to Microsoft.FeatureManagement, built from
/// <see cref="RolloutOptions"/> instead of the "FeatureManagement" section. The targeting filter does the
/// sticky bucketing (SHA-256 of client key + flag name), so a key that is in at 10 % is still in at 25 %.
/// </summary>
public sealed class RolloutFeatureDefinitionProvider(IOptionsMonitor<RolloutOptions> rollout, IConfiguration configuration)
    : IFeatureDefinitionProvider
{
    /// <summary>Configuration key of the kill switch (env USE_DOMAIN_SERVICE maps onto it).</summary>
    public const string KillSwitchKey = "FeatureManagement:" + FeatureNames.UseDomainService;

    private const string TargetingFilterName = "Microsoft.Targeting";

    // Definitions are rebuilt only when the options object changes, so the filter's bound settings stay cached.
    private readonly ConcurrentDictionary<string, (RolloutOptions Source, FeatureDefinition Definition)> _endpointDefinitions = new();

    public bool KillSwitchAllowsDomain =>
        !bool.TryParse(configuration[KillSwitchKey], out var enabled) || enabled;

    public Task<FeatureDefinition> GetFeatureDefinitionAsync(string featureName)
    {
        if (featureName == FeatureNames.UseDomainService)
        {
            return Task.FromResult(KillSwitchDefinition(KillSwitchAllowsDomain));
        }

        if (FeatureNames.TryGetEndpoint(featureName, out var endpoint))
        {
            var current = rollout.CurrentValue;
            var cached = _endpointDefinitions.AddOrUpdate(endpoint,
                _ => (current, BuildEndpointDefinition(featureName, endpoint, current)),
                (_, old) => ReferenceEquals(old.Source, current)
                    ? old
                    : (current, BuildEndpointDefinition(featureName, endpoint, current)));
            return Task.FromResult(cached.Definition);
        }

        return Task.FromResult<FeatureDefinition>(null!);
    }

    public async IAsyncEnumerable<FeatureDefinition> GetAllFeatureDefinitionsAsync()
    {
        yield return await GetFeatureDefinitionAsync(FeatureNames.UseDomainService);
        foreach (var endpoint in rollout.CurrentValue.Endpoints.Keys)
        {
            yield return await GetFeatureDefinitionAsync(FeatureNames.ForEndpoint(endpoint));
        }
    }

    private static FeatureDefinition KillSwitchDefinition(bool enabled) => new()
    {
        Name = FeatureNames.UseDomainService,
        EnabledFor = enabled ? [new FeatureFilterConfiguration { Name = "AlwaysOn" }] : [],
    };

    private static FeatureDefinition BuildEndpointDefinition(string featureName, string endpoint, RolloutOptions options)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Audience:DefaultRolloutPercentage"] =
                options.EffectivePercentage(endpoint).ToString(CultureInfo.InvariantCulture),
        };
        var endpointOptions = options.Endpoint(endpoint);
        AddList(settings, "Audience:Users", endpointOptions?.Allow);
        AddList(settings, "Audience:Exclusion:Users", endpointOptions?.Deny);

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

    private static void AddList(Dictionary<string, string?> settings, string key, List<string>? values)
    {
        for (var i = 0; values is not null && i < values.Count; i++)
        {
            settings[$"{key}:{i}"] = values[i];
        }
    }
}
