using System.Buffers;
using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Text;
using Microsoft.FeatureManagement.FeatureFilters;

namespace CameraMonitor.Application.Rollout.Routing;

/// <summary>
/// One endpoint's targeting flag, compiled once per configuration version from the definition Microsoft.FeatureManagement
/// serves: the allow/deny sets frozen and the hash suffix encoded, so a decision is two set probes and one SHA-256 of a
/// short stack buffer (<see cref="TargetingHash"/>) — no allocation. The bucketing is the targeting filter's exactly (first four bytes of
/// SHA-256("{clientKey}\n{featureName}") as a little-endian uint, scaled to 0–100, targeted below the percentage; the
/// whole range at 100): a test compares it with the library's own evaluation over 100,000 keys.
/// The assignment of a key is also remembered, for the first <see cref="RememberedKeys"/> keys this compiled version sees:
/// an API's clients (dashboards, detectors, reviewers) are few and send again and again, and a dictionary probe costs a
/// twentieth of the hash. Keys beyond the bound are hashed every time, so memory stays bounded whatever the callers send;
/// a new configuration version compiles a new instance, which starts with nothing remembered.
/// </summary>
public sealed class CompiledEndpointRouting
{
    private const int StackLimit = 512;

    /// <summary>How many keys' assignments one compiled version remembers.</summary>
    public const int RememberedKeys = 4096;

    private readonly FrozenSet<string> _allow;
    private readonly FrozenSet<string> _deny;
    private readonly byte[] _suffix;
    private readonly double _percentage;
    private readonly ConcurrentDictionary<string, bool> _assignments = new(StringComparer.Ordinal);
    private int _remembered;

    public CompiledEndpointRouting(string featureName, TargetingFilterSettings? settings)
    {
        var audience = settings?.Audience;
        _percentage = audience?.DefaultRolloutPercentage ?? 0;
        _allow = (audience?.Users ?? []).ToFrozenSet(StringComparer.Ordinal);
        _deny = (audience?.Exclusion?.Users ?? []).ToFrozenSet(StringComparer.Ordinal);
        _suffix = Encoding.UTF8.GetBytes("\n" + featureName);
    }

    public double Percentage => _percentage;

    /// <summary>How many keys' assignments are remembered (at most <see cref="RememberedKeys"/>).</summary>
    internal int Remembered => Volatile.Read(ref _remembered);

    /// <summary>The decision for a client key: deny list, then allow list, then the sticky percentage (the filter's order).</summary>
    public Task<RoutingDecision> Decide(string clientKey)
    {
        if (_deny.Contains(clientKey))
        {
            return RoutingDecisions.DenyList;
        }

        if (_allow.Contains(clientKey))
        {
            return RoutingDecisions.AllowList;
        }

        return Assigned(clientKey) ? RoutingDecisions.PercentageDomain : RoutingDecisions.PercentageLegacy;
    }

    private bool Assigned(string clientKey)
    {
        if (_percentage is <= 0 or >= 100)
        {
            return IsInPercentage(clientKey); // no hash at 0 or 100: nothing to remember
        }

        if (_assignments.TryGetValue(clientKey, out var inside))
        {
            return inside;
        }

        inside = IsInPercentage(clientKey);
        if (Volatile.Read(ref _remembered) < RememberedKeys && _assignments.TryAdd(clientKey, inside))
        {
            Interlocked.Increment(ref _remembered);
        }

        return inside;
    }

    /// <summary>The targeting filter's default-rollout bucketing, without allocating.</summary>
    public bool IsInPercentage(string clientKey)
    {
        if (_percentage <= 0)
        {
            return false;
        }

        if (_percentage >= 100)
        {
            return true;
        }

        var length = Encoding.UTF8.GetMaxByteCount(clientKey.Length) + _suffix.Length + TargetingHash.PaddingRoom;
        byte[]? rented = null;
        var buffer = length <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(length));
        try
        {
            var written = Encoding.UTF8.GetBytes(clientKey, buffer);
            _suffix.CopyTo(buffer[written..]);
            var marker = TargetingHash.FirstWord(buffer, written + _suffix.Length);
            return marker / (double)uint.MaxValue * 100 < _percentage;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
