using CameraMonitor.Application.Rollout.Evidence;
using CameraMonitor.Application.Rollout.Routing;
using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CameraMonitor.Infrastructure.Rollout;

/// <summary>
/// Sums the slices every instance published (rollout_evidence_*) over a window. A slice counts in a window it overlaps,
/// so the slices of an instance that died still count in the window they belong to. An instance is silent when its
/// last heartbeat, at the end of the window read, is older than Rollout:Evidence:SilentAfterIntervals of its own publish interval.
/// </summary>
public sealed class PostgresClusterEvidenceReader(NpgsqlDataSource dataSource, IOptions<EvidenceOptions> options)
    : IClusterEvidenceReader, IClusterReportReader
{
    private static readonly string DomainPath = ServedPath.Domain.ToName();
    private static readonly string LegacyPath = ServedPath.Legacy.ToName();

    public async Task<EndpointEvidence> ReadAsync(string endpoint, DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken)
    {
        var window = new { Endpoint = endpoint, From = fromUtc, To = toUtc };
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(
            EvidenceSql.SelectAttempts + ";\n" + EvidenceSql.SelectInstances + ";\n" + EvidenceSql.SelectWholeSamples,
            window, cancellationToken: cancellationToken));
        var attempts = (await results.ReadAsync<AttemptRow>()).ToList();
        var heartbeats = (await results.ReadAsync<HeartbeatRow>()).ToList();
        var wholes = (await results.ReadAsync<WholeRow>()).ToDictionary(w => w.Kind, StringComparer.Ordinal);

        var split = new Paths();
        var steered = new Paths();
        foreach (var row in attempts)
        {
            (RouteGroups.IsSteered(row.RouteGroup) ? steered : split).Add(row);
        }

        var parity = wholes.GetValueOrDefault(ComparisonKinds.Parity);
        var dark = wholes.GetValueOrDefault(ComparisonKinds.DarkLaunch);
        var instances = heartbeats.Select(h => ToInstance(h, toUtc,
            attempts.Where(a => a.InstanceId == h.InstanceId).Sum(a => a.Requests),
            attempts.Where(a => a.InstanceId == h.InstanceId).Sum(a => a.Failures))).OrderBy(i => i.InstanceId, StringComparer.Ordinal).ToList();
        return new EndpointEvidence(endpoint, fromUtc, toUtc, split.Domain, split.Legacy, split.Fallback,
            new SteeredEvidence(steered.Domain, steered.Legacy, steered.Fallback),
            parity?.Samples ?? 0, parity?.Mismatched ?? 0, dark?.Samples ?? 0, dark?.Mismatched ?? 0, instances,
            parity?.Skipped ?? 0, dark?.Failures ?? 0, dark?.Skipped ?? 0);
    }

    public async Task<IReadOnlyList<FieldComparison>> ReadFieldsAsync(string kind, string endpoint, DateTime fromUtc, DateTime toUtc,
        CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<FieldRow>(new CommandDefinition(EvidenceSql.SelectFields,
            new { Kind = kind, Endpoint = endpoint, From = fromUtc, To = toUtc }, cancellationToken: cancellationToken));
        return rows.Select(r => new FieldComparison(r.Field, r.Samples, r.Mismatched, r.Noise, r.Failures, r.Skipped,
            r.NoisySince is { } since ? DateTime.SpecifyKind(since, DateTimeKind.Utc) : null)).ToList();
    }

    public async Task<IReadOnlyList<InstanceEvidence>> ReadInstancesAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<HeartbeatRow>(new CommandDefinition(EvidenceSql.SelectInstances,
            new { From = fromUtc }, cancellationToken: cancellationToken));
        return rows.Select(h => ToInstance(h, toUtc, 0, 0)).OrderBy(i => i.InstanceId, StringComparer.Ordinal).ToList();
    }

    // Silence is judged at the window's end (for a report, now), the same moment for every part of one report.
    private InstanceEvidence ToInstance(HeartbeatRow heartbeat, DateTime at, long requests, long failures)
    {
        var last = DateTime.SpecifyKind(heartbeat.LastReportAt, DateTimeKind.Utc);
        var silentAfter = TimeSpan.FromSeconds(options.Value.SilentAfterIntervals * heartbeat.PublishIntervalSeconds);
        var silent = at - last > silentAfter;
        return new InstanceEvidence(heartbeat.InstanceId, last, silent, requests, failures, heartbeat.DroppedSlices);
    }

    private sealed class Paths
    {
        public PathEvidence Domain { get; private set; } = PathEvidence.Empty();

        public PathEvidence Legacy { get; private set; } = PathEvidence.Empty();

        public PathEvidence Fallback { get; private set; } = PathEvidence.Empty();

        public void Add(AttemptRow row)
        {
            var latency = LatencyHistogram.FromCounts(row.LatencyBuckets);
            if (row.Path == DomainPath)
            {
                Domain = Merge(Domain, row, latency);
            }
            else if (row.Path == LegacyPath)
            {
                Legacy = Merge(Legacy, row, latency);
            }
            else
            {
                Fallback = Merge(Fallback, row, latency);
            }
        }

        private static PathEvidence Merge(PathEvidence sum, AttemptRow row, LatencyHistogram latency)
        {
            sum.Latency.Add(latency);
            return sum with { Requests = sum.Requests + row.Requests, Failures = sum.Failures + row.Failures };
        }
    }

    // A class with setters: Dapper types a bigint[] column as System.Array, which no constructor signature matches.
    private sealed class AttemptRow
    {
        public string InstanceId { get; init; } = "";

        public string Path { get; init; } = "";

        public string RouteGroup { get; init; } = "";

        public long Requests { get; init; }

        public long Failures { get; init; }

        public long[] LatencyBuckets { get; init; } = [];
    }

    private sealed record HeartbeatRow(string InstanceId, string Host, DateTime LastReportAt, double PublishIntervalSeconds, long DroppedSlices);

    private sealed record WholeRow(string Kind, long Samples, long Mismatched, long Failures, long Skipped);

    private sealed record FieldRow(string Field, long Samples, long Mismatched, long Noise, long Failures, long Skipped, DateTime? NoisySince);
}
