using System.Collections.Concurrent;
using CameraMonitor.Application.Rollout.Evidence;
using CameraMonitor.Application.Rollout.Parity;
using CameraMonitor.Application.Rollout.Routing;
using Microsoft.Extensions.Options;

namespace CameraMonitor.Application.Rollout.DarkLaunch;

/// <summary>
/// Results per endpoint: every count also goes to the <see cref="EvidenceRecorder"/> (published, so the report is
/// cluster-wide); in memory since this instance started: counters, mismatched fields and columns, and the latest
/// <see cref="DarkLaunchOptions.RecentMismatches"/> mismatches (bounded).
/// </summary>
public sealed class DarkLaunchTracker(IOptions<DarkLaunchOptions> options, DarkLaunchMetrics metrics, EvidenceRecorder evidence,
    TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, EndpointState> _endpoints = new(StringComparer.Ordinal);

    /// <summary>DarkLaunch:Budget, shared by every command endpoint of this instance.</summary>
    public ShadowBudget Budget { get; } = new(options.Value.Budget, clock);

    /// <summary>Takes a shadow slot and a token for a drawn sample, or counts it as skipped for budget.</summary>
    public bool TryEnterBudget(string endpoint)
    {
        if (Budget.TryEnter())
        {
            return true;
        }

        Update(endpoint, s =>
        {
            s.Sampled++;
            s.SkippedForBudget++;
        });
        evidence.RecordComparison(endpoint, ComparisonKinds.DarkLaunch, ComparisonKinds.Sampling, skipped: 1);
        return false;
    }

    public void RecordSampled(string endpoint)
    {
        Update(endpoint, s => s.Sampled++);
        metrics.RecordSampled(endpoint);
    }

    public void RecordShadowFailure(string endpoint)
    {
        Update(endpoint, s => s.ShadowFailures++);
        metrics.RecordShadowFailure(endpoint);
        evidence.RecordComparison(endpoint, ComparisonKinds.DarkLaunch, ComparisonKinds.WholeSample, failures: 1);
    }

    public void RecordSkipped(string endpoint)
    {
        Update(endpoint, s => s.Skipped++);
        evidence.RecordComparison(endpoint, ComparisonKinds.DarkLaunch, ComparisonKinds.WholeSample, skipped: 1);
    }

    public void RecordCompared(string endpoint, ServedPath realPath, ServedPath shadowPath, DarkLaunchComparison comparison)
    {
        var keep = Math.Max(1, options.Value.RecentMismatches);
        var now = clock.GetUtcNow().UtcDateTime;
        Update(endpoint, s =>
        {
            s.Compared++;
            s.ResponsesMatched += comparison.ResponseDifferences.Count == 0 ? 1 : 0;
            s.RowsMatched += comparison.RowDifferences.Count == 0 ? 1 : 0;
            if (comparison.Matched)
            {
                return;
            }

            s.Mismatches++;
            foreach (var field in comparison.ResponseDifferences.Select(d => d.Field).Distinct())
            {
                s.MismatchedFields[field] = s.MismatchedFields.GetValueOrDefault(field) + 1;
            }

            foreach (var column in comparison.RowDifferences.Select(d => d.Field).Distinct())
            {
                s.MismatchedColumns[column] = s.MismatchedColumns.GetValueOrDefault(column) + 1;
            }

            s.Recent.Enqueue(new DarkLaunchMismatch(now, realPath.ToName(), shadowPath.ToName(),
                comparison.ResponseDifferences.Select(d => new DarkLaunchDiff(d.Path, d.Left, d.Right)).ToList(),
                comparison.RowDifferences.Select(d => new DarkLaunchDiff(d.Path, d.Left, d.Right)).ToList()));
            while (s.Recent.Count > keep)
            {
                s.Recent.Dequeue();
            }
        });
        if (!comparison.Matched)
        {
            metrics.RecordMismatch(endpoint);
        }

        Publish(endpoint, ComparisonKinds.DarkLaunchResponse, comparison.ResponseDifferences);
        Publish(endpoint, ComparisonKinds.DarkLaunchRow, comparison.RowDifferences);
        evidence.RecordComparison(endpoint, ComparisonKinds.DarkLaunch, ComparisonKinds.WholeSample, samples: 1,
            mismatched: comparison.Matched ? 0 : 1);
    }

    public EndpointDarkLaunchReport Report(string endpoint)
    {
        var settings = options.Value.Endpoint(endpoint);
        var state = _endpoints.GetOrAdd(endpoint, _ => new EndpointState());
        lock (state)
        {
            return new EndpointDarkLaunchReport(endpoint, settings?.SampleRate ?? 0, settings?.IgnoredFields ?? [],
                state.Sampled, state.Compared, state.ResponsesMatched, state.RowsMatched, state.Mismatches, state.ShadowFailures,
                state.Skipped, new Dictionary<string, long>(state.MismatchedFields), new Dictionary<string, long>(state.MismatchedColumns),
                state.Recent.Reverse().ToList(), state.SkippedForBudget);
        }
    }

    private void Publish(string endpoint, string kind, IReadOnlyList<Parity.FieldDifference> differences)
    {
        evidence.RecordComparison(endpoint, kind, ComparisonKinds.WholeSample, samples: 1, mismatched: differences.Count == 0 ? 0 : 1);
        foreach (var field in differences.Select(d => d.Field).Distinct())
        {
            evidence.RecordComparison(endpoint, kind, field, samples: 1, mismatched: 1);
        }
    }

    private void Update(string endpoint, Action<EndpointState> change)
    {
        var state = _endpoints.GetOrAdd(endpoint, _ => new EndpointState());
        lock (state)
        {
            change(state);
        }
    }

    private sealed class EndpointState
    {
        public readonly Dictionary<string, long> MismatchedFields = new(StringComparer.Ordinal);
        public readonly Dictionary<string, long> MismatchedColumns = new(StringComparer.Ordinal);
        public readonly Queue<DarkLaunchMismatch> Recent = new();
        public long Sampled;
        public long Compared;
        public long ResponsesMatched;
        public long RowsMatched;
        public long Mismatches;
        public long ShadowFailures;
        public long Skipped;
        public long SkippedForBudget;
    }
}
