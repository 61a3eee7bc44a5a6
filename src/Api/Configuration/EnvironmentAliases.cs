using CameraMonitor.Application.Rollout.Routing;

namespace CameraMonitor.Api.Configuration;

/// <summary>
/// The deployment scripts of the legacy service set USE_DOMAIN_SERVICE and ROLLOUT_PERCENT; they map onto
/// our configuration keys and, being added last, override appsettings like any environment variable.
/// </summary>
public static class EnvironmentAliases
{
    private static readonly (string Variable, string Key)[] Aliases =
    [
        ("USE_DOMAIN_SERVICE", ConfiguredRolloutState.KillSwitchKey),
        ("ROLLOUT_PERCENT", $"{RolloutOptions.SectionName}:{nameof(RolloutOptions.DefaultPercentage)}"),
    ];

    public static IConfigurationBuilder AddEnvironmentAliases(this IConfigurationBuilder configuration)
    {
        var values = Aliases
            .Select(a => (a.Key, Value: Environment.GetEnvironmentVariable(a.Variable)))
            .Where(a => !string.IsNullOrWhiteSpace(a.Value))
            .ToDictionary(a => a.Key, a => a.Value);
        return values.Count == 0 ? configuration : configuration.AddInMemoryCollection(values);
    }
}
