using CameraMonitor.Application.Rollout.DarkLaunch;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace CameraMonitor.Application.Rollout.Routing;

/// <summary>
/// Rollout state from configuration alone (appsettings, environment); reloads with it. It is the
/// configured layer under the run-time overrides of the PostgreSQL-backed state.
/// </summary>
public sealed class ConfiguredRolloutState : IRolloutState, IDisposable
{
    /// <summary>Configuration key of the kill switch (env USE_DOMAIN_SERVICE maps onto it).</summary>
    public const string KillSwitchKey = "FeatureManagement:" + FeatureNames.UseDomainService;

    private const string DefaultPercentageKey = RolloutOptions.SectionName + ":" + nameof(RolloutOptions.DefaultPercentage);

    private readonly IOptionsMonitor<RolloutOptions> _options;
    private readonly IOptionsMonitor<DarkLaunchOptions> _darkLaunch;
    private readonly IConfiguration _configuration;
    private readonly IEndpointCatalog _catalog;
    private readonly IDisposable? _subscription;
    private readonly IDisposable? _darkLaunchSubscription;
    private readonly IDisposable _killSwitchSubscription;
    private readonly EffectiveRolloutCache _cache;
    private long _version;
    private volatile bool _killSwitchAllowsDomain;

    public ConfiguredRolloutState(IOptionsMonitor<RolloutOptions> options, IOptionsMonitor<DarkLaunchOptions> darkLaunch,
        IConfiguration configuration, IEndpointCatalog catalog)
    {
        _options = options;
        _darkLaunch = darkLaunch;
        _configuration = configuration;
        _catalog = catalog;
        _subscription = options.OnChange(_ => Interlocked.Increment(ref _version));
        _darkLaunchSubscription = darkLaunch.OnChange(_ => Interlocked.Increment(ref _version));
        _cache = new EffectiveRolloutCache(Build);
        // Read once per configuration (re)load, not per request: a key lookup walks every configuration provider
        // (≈ 1 µs with the environment, files and aliases of the API), and the router asks on every request.
        _killSwitchAllowsDomain = ReadKillSwitch();
        _killSwitchSubscription = ChangeToken.OnChange(configuration.GetReloadToken, () => _killSwitchAllowsDomain = ReadKillSwitch());
    }

    public long Version => Interlocked.Read(ref _version);

    public bool KillSwitchAllowsDomain => _killSwitchAllowsDomain;

    private bool ReadKillSwitch() => !bool.TryParse(_configuration[KillSwitchKey], out var enabled) || enabled;

    public EffectiveEndpointRollout Get(string endpoint) => _cache.Get(Version, endpoint);

    private EffectiveEndpointRollout Build(string endpoint)
    {
        var options = _options.CurrentValue;
        var own = options.Endpoint(endpoint);
        var (percentage, source) = own?.Percentage is { } p ? (p, RolloutSources.AppSettings)
            : options.DefaultPercentage is { } d ? (d, DefaultPercentageSource())
            : (0d, RolloutSources.Default);
        var sources = new Dictionary<string, string>
        {
            [RolloutFieldNames.Percentage] = source,
            [RolloutFieldNames.Allow] = ListSource(own?.Allow),
            [RolloutFieldNames.Deny] = ListSource(own?.Deny),
            [RolloutFieldNames.ParitySampleRate] = own?.ParitySampleRate is null ? RolloutSources.Default : RolloutSources.AppSettings,
            [RolloutFieldNames.IgnoredFields] = ListSource(own?.IgnoredFields),
            [RolloutFieldNames.UnorderedArrays] = ListSource(own?.UnorderedArrays),
        };
        var dark = _darkLaunch.CurrentValue.Endpoint(endpoint);
        if (CommandEndpoints.Contains(endpoint))
        {
            sources[RolloutFieldNames.DarkLaunchSampleRate] = dark is null ? RolloutSources.Default : RolloutSources.AppSettings;
            sources[RolloutFieldNames.DarkLaunchIgnoredFields] = ListSource(dark?.IgnoredFields);
        }

        return new EffectiveEndpointRollout(endpoint, percentage, source, own?.Allow ?? [], own?.Deny ?? [],
            own?.ParitySampleRate ?? 0, own?.IgnoredFields ?? [], own?.UnorderedArrays ?? [], sources,
            dark?.SampleRate ?? 0, dark?.IgnoredFields ?? []);
    }

    public IReadOnlyList<EffectiveEndpointRollout> All() => _catalog.Endpoints.Select(Get).ToList();

    public void Dispose()
    {
        _subscription?.Dispose();
        _darkLaunchSubscription?.Dispose();
        _killSwitchSubscription.Dispose();
    }

    private static string ListSource(List<string>? values) =>
        values is { Count: > 0 } ? RolloutSources.AppSettings : RolloutSources.Default;

    // ROLLOUT_PERCENT arrives through the environment (or the in-memory alias provider); a value in an
    // appsettings file is reported as such. The last provider that has the key is the one in force.
    private string DefaultPercentageSource()
    {
        if (_configuration is not IConfigurationRoot root)
        {
            return RolloutSources.Env;
        }

        var provider = root.Providers.LastOrDefault(p => p.TryGet(DefaultPercentageKey, out _));
        return IsFileProvider(provider) ? RolloutSources.AppSettings
            : provider is null ? RolloutSources.Default
            : RolloutSources.Env;
    }

    // By base-type name, so Application needs no file-provider package for one type test.
    private static bool IsFileProvider(IConfigurationProvider? provider)
    {
        for (var type = provider?.GetType(); type is not null; type = type.BaseType)
        {
            if (type.Name == "FileConfigurationProvider")
            {
                return true;
            }
        }

        return false;
    }
}
