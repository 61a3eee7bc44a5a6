using System.Collections.Concurrent;
using CameraMonitor.Application.Rollout.Evidence;
using Microsoft.Extensions.Options;

namespace CameraMonitor.Application.Rollout.Parity;

/// <summary>
/// Counts parity per endpoint and learns noise as Diffy does: every sample compares domain with legacy
/// (D/L) and legacy with a second legacy run (L/L). A field counts as a mismatch only when its D/L
/// difference rate exceeds its L/L rate by both the absolute and the relative margin; a field that
/// ever differs L/L is reported as non-deterministic. Memory is bounded: counters per field, plus
/// the latest <see cref="ParityOptions.RecentDiffs"/> diffs.
/// </summary>
public sealed class ParityTracker(IOptions<ParityOptions> options, RolloutMetrics metrics, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, EndpointState> _endpoints = new(StringComparer.Ordinal);

    /// <summary>Records one sample; returns the diffs that count as mismatches (empty: it matched).</summary>
    public IReadOnlyList<ParityDiff> Record(ParityResult result)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        IReadOnlyList<FieldDifference> candidate = result.DomainError is { } error
            ? [new FieldDifference("$", "$", error, null)]
            : JsonResponseComparer.Compare(result.Domain, result.Legacy, result.Rules);
        var noise = JsonResponseComparer.Compare(result.LegacyAgain, result.Legacy, result.Rules);
        var state = _endpoints.GetOrAdd(result.Endpoint, _ => new EndpointState());
        List<ParityDiff> counted;
        lock (state)
        {
            state.Samples++;
            foreach (var field in noise.Select(d => d.Field).Distinct())
            {
                state.NoiseCounts[field] = state.NoiseCounts.GetValueOrDefault(field) + 1;
            }

            foreach (var field in candidate.Select(d => d.Field).Distinct())
            {
                state.CandidateCounts[field] = state.CandidateCounts.GetValueOrDefault(field) + 1;
            }

            var significant = candidate.Select(d => d.Field).Distinct().Where(f => state.IsSignificant(f, settings)).ToHashSet();
            counted = candidate.Where(d => significant.Contains(d.Field))
                .Select(d => new ParityDiff(d.Path, d.Left, d.Right, now))
                .ToList();
            foreach (var field in significant)
            {
                state.MismatchedFields[field] = state.MismatchedFields.GetValueOrDefault(field) + 1;
            }

            if (counted.Count == 0)
            {
                state.Matched++;
            }
            else
            {
                state.Mismatched++;
                foreach (var diff in counted)
                {
                    state.Recent.Enqueue(diff);
                    while (state.Recent.Count > Math.Max(1, settings.RecentDiffs))
                    {
                        state.Recent.Dequeue();
                    }
                }
            }
        }

        metrics.RecordParityCompared(result.Endpoint, counted.Count == 0);
        return counted;
    }

    /// <summary>The report of one endpoint; <paramref name="recentDiffs"/> replaces the in-memory ones when given.</summary>
    public EndpointParityReport Report(string endpoint, IReadOnlyList<ParityDiff>? recentDiffs = null)
    {
        if (!_endpoints.TryGetValue(endpoint, out var state))
        {
            return new EndpointParityReport(endpoint, 0, 0, 0, null, new Dictionary<string, long>(),
                new Dictionary<string, double>(), recentDiffs ?? []);
        }

        lock (state)
        {
            var compared = state.Matched + state.Mismatched;
            return new EndpointParityReport(endpoint, compared, state.Matched, state.Mismatched,
                compared == 0 ? null : Math.Round(100.0 * state.Matched / compared, 2),
                new Dictionary<string, long>(state.MismatchedFields),
                state.NoiseCounts.ToDictionary(n => n.Key, n => Math.Round((double)n.Value / state.Samples, 4)),
                recentDiffs ?? state.Recent.Reverse().ToList());
        }
    }

    private sealed class EndpointState
    {
        public readonly Dictionary<string, long> CandidateCounts = new(StringComparer.Ordinal);
        public readonly Dictionary<string, long> NoiseCounts = new(StringComparer.Ordinal);
        public readonly Dictionary<string, long> MismatchedFields = new(StringComparer.Ordinal);
        public readonly Queue<ParityDiff> Recent = new();
        public long Samples;
        public long Matched;
        public long Mismatched;

        // Diffy: (raw − noise) must beat the absolute margin, and (raw − noise) / noise the relative one.
        public bool IsSignificant(string field, ParityOptions settings)
        {
            var raw = (double)CandidateCounts.GetValueOrDefault(field) / Samples;
            var noise = (double)NoiseCounts.GetValueOrDefault(field) / Samples;
            var excess = raw - noise;
            return excess > settings.AbsoluteMargin && (noise == 0 || excess / noise > settings.RelativeMargin);
        }
    }
}
