using System.Collections.Concurrent;

namespace CameraMonitor.Application.Rollout.Routing;

/// <summary>
/// The effective rollout of each endpoint, built once per state version instead of once per request: the request path
/// (parity and dark-launch sampling) reads it on every call, and building it costs a dictionary of sources and a record.
/// A version is read before building, so a value built from settings that changed meanwhile is stored under the old
/// version and rebuilt at the next read.
/// </summary>
public sealed class EffectiveRolloutCache(Func<string, EffectiveEndpointRollout> build)
{
    private volatile Generation _current = new(-1);

    public EffectiveEndpointRollout Get(long version, string endpoint)
    {
        var generation = _current;
        if (generation.Version != version)
        {
            generation = new Generation(version);
            _current = generation;
        }

        return generation.Endpoints.GetOrAdd(endpoint, build);
    }

    private sealed class Generation(long version)
    {
        public long Version { get; } = version;

        public ConcurrentDictionary<string, EffectiveEndpointRollout> Endpoints { get; } = new(StringComparer.OrdinalIgnoreCase);
    }
}
