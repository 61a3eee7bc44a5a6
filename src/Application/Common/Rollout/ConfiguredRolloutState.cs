using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace CameraMonitor.Application.Common.Rollout;

/// <summary>Rollout state from configuration alone (appsettings, environment); reloads with it.</summary>
public sealed class ConfiguredRolloutState : IRolloutState, IDisposable
{
    /// <summary>Configuration key of the kill switch (env USE_DOMAIN_SERVICE maps onto it).</summary>
    public const string KillSwitchKey = "FeatureManagement:" + FeatureNames.UseDomainService;

    private readonly IOptionsMonitor<RolloutOptions> _options;
    private readonly IConfiguration _configuration;
    private readonly IEndpointCatalog _catalog;
    private readonly IDisposable? _subscription;
    private long _version;

    public ConfiguredRolloutState(IOptionsMonitor<RolloutOptions> options, IConfiguration configuration, IEndpointCatalog catalog)
    {
        _options = options;
        _configuration = configuration;
        _catalog = catalog;
        _subscription = options.OnChange(_ => Interlocked.Increment(ref _version));
    }

    public long Version => Interlocked.Read(ref _version);

    public bool KillSwitchAllowsDomain => !bool.TryParse(_configuration[KillSwitchKey], out var enabled) || enabled;

    public EffectiveEndpointRollout Get(string endpoint)
    {
        var options = _options.CurrentValue;
        var own = options.Endpoint(endpoint);
        var (percentage, source) = own?.Percentage is { } p ? (p, "endpoint")
            : options.DefaultPercentage is { } d ? (d, "default")
            : (0d, "none");
        return new EffectiveEndpointRollout(endpoint, percentage, source, own?.Allow ?? [], own?.Deny ?? []);
    }

    public IReadOnlyList<EffectiveEndpointRollout> All() => _catalog.Endpoints.Select(Get).ToList();

    public void Dispose() => _subscription?.Dispose();
}
