using System.Collections.Concurrent;
using CameraMonitor.Application.Rollout.Evidence;
using Microsoft.Extensions.Options;

namespace CameraMonitor.Application.Rollout.Parity;

/// <summary>
/// Counts parity per endpoint and learns noise as Diffy does, over a sliding window of the latest
/// <see cref="ParityOptions.NoiseWindowSamples"/> samples: every sample compares domain with legacy (A/B) and the
/// served answer with a second run of the same implementation taken at the same moment as the shadow (A/A).
/// A field that has not differed A/A in the window is deterministic: any A/B difference of it is a mismatch, from its
/// first drifted sample. A noisy field counts only when its A/B rate in the window beats its A/A rate by both margins.
/// Every sample's counts, per field, also go to the <see cref="EvidenceRecorder"/>, so the parity report is
/// cluster-wide. Memory is bounded: the window, counters per field, and the latest <see cref="ParityOptions.RecentDiffs"/> diffs.
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
        IReadOnlyList<FieldDifference> noise = result.ServedAgain is null
            ? []
            : JsonResponseComparer.Compare(result.ServedAnswer, result.ServedAgain, result.Rules);
        var differed = candidate.Select(d => d.Field).Distinct().ToArray();
        var noisy = noise.Select(d => d.Field).Distinct().ToArray();
        var state = _endpoints.GetOrAdd(result.Endpoint, _ => new EndpointState());
        List<ParityDiff> counted;
        HashSet<string> significant;
        lock (state)
        {
            state.Add(new WindowSample(now, differed, noisy), Math.Max(1, settings.NoiseWindowSamples));
            significant = differed.Where(f => state.IsSignificant(f, settings)).ToHashSet(StringComparer.Ordinal);
            state.Latest!.Counted = [.. significant];
            foreach (var field in significant)
            {
                state.Counted[field] = state.Counted.GetValueOrDefault(field) + 1;
                state.MismatchedFields[field] = state.MismatchedFields.GetValueOrDefault(field) + 1;
            }

            counted = candidate.Where(d => significant.Contains(d.Field)).Select(d => new ParityDiff(d.Path, d.Left, d.Right, now)).ToList();
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

        Publish(result.Endpoint, differed, noisy, significant, counted.Count > 0);
        metrics.RecordParityCompared(result.Endpoint, counted.Count == 0);
        return counted;
    }

    /// <summary>
    /// This instance's report of one endpoint: counts since start, field rates over the window;
    /// <paramref name="recentDiffs"/> replaces the in-memory diffs when given. (The API reads the cluster instead.)
    /// </summary>
    public EndpointParityReport Report(string endpoint, IReadOnlyList<ParityDiff>? recentDiffs = null)
    {
        if (!_endpoints.TryGetValue(endpoint, out var state))
        {
            return new EndpointParityReport(endpoint, 0, 0, 0, null, new Dictionary<string, long>(),
                new Dictionary<string, double>(), recentDiffs ?? [], []);
        }

        lock (state)
        {
            var compared = state.Matched + state.Mismatched;
            var fields = state.Fields().Select(state.FieldParity).ToList();
            return new EndpointParityReport(endpoint, compared, state.Matched, state.Mismatched,
                compared == 0 ? null : Math.Round(100.0 * state.Matched / compared, 2),
                new Dictionary<string, long>(state.MismatchedFields),
                fields.Where(f => f.NoiseRate > 0).ToDictionary(f => f.Field, f => f.NoiseRate),
                recentDiffs ?? state.Recent.Reverse().ToList(), fields);
        }
    }

    private void Publish(string endpoint, string[] differed, string[] noisy, HashSet<string> significant, bool mismatched)
    {
        var evidence = metrics.Evidence;
        evidence.RecordComparison(endpoint, ComparisonKinds.Parity, ComparisonKinds.WholeSample, samples: 1, mismatched: mismatched ? 1 : 0);
        foreach (var field in differed.Union(noisy))
        {
            evidence.RecordComparison(endpoint, ComparisonKinds.Parity, field, samples: differed.Contains(field) ? 1 : 0,
                mismatched: significant.Contains(field) ? 1 : 0, noise: noisy.Contains(field) ? 1 : 0);
        }
    }

    private sealed class WindowSample(DateTime at, string[] differed, string[] noisy)
    {
        public DateTime At { get; } = at;

        public string[] Differed { get; } = differed;

        public string[] Noisy { get; } = noisy;

        public string[] Counted { get; set; } = [];
    }

    private sealed class EndpointState
    {
        public readonly Dictionary<string, long> Differed = new(StringComparer.Ordinal);
        public readonly Dictionary<string, long> Noise = new(StringComparer.Ordinal);
        public readonly Dictionary<string, long> Counted = new(StringComparer.Ordinal);
        public readonly Dictionary<string, long> MismatchedFields = new(StringComparer.Ordinal);
        public readonly Queue<ParityDiff> Recent = new();
        public long Matched;
        public long Mismatched;
        private readonly Queue<WindowSample> _window = new();

        public WindowSample? Latest { get; private set; }

        public void Add(WindowSample sample, int capacity)
        {
            _window.Enqueue(sample);
            Latest = sample;
            Change(Differed, sample.Differed, +1);
            Change(Noise, sample.Noisy, +1);
            while (_window.Count > capacity)
            {
                var old = _window.Dequeue();
                Change(Differed, old.Differed, -1);
                Change(Noise, old.Noisy, -1);
                Change(Counted, old.Counted, -1);
            }
        }

        public IEnumerable<string> Fields() => Differed.Keys.Union(Noise.Keys).Order(StringComparer.Ordinal);

        public FieldParity FieldParity(string field)
        {
            var n = (double)Math.Max(1, _window.Count);
            return new FieldParity(field, Math.Round(Differed.GetValueOrDefault(field) / n, 4), Math.Round(Noise.GetValueOrDefault(field) / n, 4),
                Math.Round(Counted.GetValueOrDefault(field) / n, 4), _window.FirstOrDefault(s => s.Noisy.Contains(field))?.At);
        }

        // Deterministic so far (no A/A difference in the window): any difference counts. Noisy: Diffy's margins,
        // (A/B − A/A) must beat the absolute margin, and (A/B − A/A) / A/A the relative one.
        public bool IsSignificant(string field, ParityOptions settings)
        {
            var noiseCount = Noise.GetValueOrDefault(field);
            if (noiseCount == 0)
            {
                return true;
            }

            var n = (double)_window.Count;
            var raw = Differed.GetValueOrDefault(field) / n;
            var noise = noiseCount / n;
            var excess = raw - noise;
            return excess > settings.AbsoluteMargin && excess / noise > settings.RelativeMargin;
        }

        private static void Change(Dictionary<string, long> counts, string[] fields, int by)
        {
            foreach (var field in fields)
            {
                var value = counts.GetValueOrDefault(field) + by;
                if (value == 0)
                {
                    counts.Remove(field);
                }
                else
                {
                    counts[field] = value;
                }
            }
        }
    }
}
