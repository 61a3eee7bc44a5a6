using CameraMonitor.Application.Rollout.Routing;

namespace CameraMonitor.Infrastructure.Rollout;

/// <summary>
/// The rollout state every request reads: configuration (<see cref="ConfiguredRolloutState"/>) with the
/// run-time overrides from PostgreSQL laid over it. Reads are lock-free on an immutable snapshot; the
/// snapshot is swapped by <see cref="RefreshAsync"/> (on NOTIFY, periodically, and after a local change). The layered
/// value of each endpoint is built once per version (<see cref="EffectiveRolloutCache"/>), not per request.
/// </summary>
public sealed class LayeredRolloutState : IRolloutState, IRolloutStateRefresher
{
    private readonly ConfiguredRolloutState _configured;
    private readonly IRolloutOverrideStore _store;
    private readonly EffectiveRolloutCache _cache;
    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private IReadOnlyDictionary<string, StoredRolloutOverride> _overrides =
        new Dictionary<string, StoredRolloutOverride>(StringComparer.OrdinalIgnoreCase);
    private long _ownVersion;

    public LayeredRolloutState(ConfiguredRolloutState configured, IRolloutOverrideStore store)
    {
        _configured = configured;
        _store = store;
        _cache = new EffectiveRolloutCache(Layer);
    }

    // Both parts only ever grow, so their sum changes whenever either does.
    public long Version => _configured.Version + Interlocked.Read(ref _ownVersion);

    public bool KillSwitchAllowsDomain => _configured.KillSwitchAllowsDomain;

    public EffectiveEndpointRollout Get(string endpoint) => _cache.Get(Version, endpoint);

    private EffectiveEndpointRollout Layer(string endpoint)
    {
        var baseline = _configured.Get(endpoint);
        return Volatile.Read(ref _overrides).TryGetValue(endpoint, out var stored)
            ? stored.Override.ApplyTo(baseline)
            : baseline;
    }

    public IReadOnlyList<EffectiveEndpointRollout> All() => _configured.All().Select(e => Get(e.Endpoint)).ToList();

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await _refreshing.WaitAsync(cancellationToken);
        try
        {
            var loaded = await _store.LoadAsync(cancellationToken);
            if (!SameSettings(Volatile.Read(ref _overrides), loaded))
            {
                Volatile.Write(ref _overrides, loaded);
                Interlocked.Increment(ref _ownVersion);
            }
        }
        finally
        {
            _refreshing.Release();
        }
    }

    private static bool SameSettings(IReadOnlyDictionary<string, StoredRolloutOverride> current,
        IReadOnlyDictionary<string, StoredRolloutOverride> loaded) =>
        current.Count == loaded.Count && loaded.All(l => current.TryGetValue(l.Key, out var c) && c.Json == l.Value.Json);
}
