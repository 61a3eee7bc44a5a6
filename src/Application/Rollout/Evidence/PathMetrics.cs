namespace CameraMonitor.Application.Rollout.Evidence;

/// <summary>One endpoint × path in the metrics API; percentiles in milliseconds from the cluster's merged histogram.</summary>
/// <param name="WindowSamples">Latencies the percentiles are computed over (every attempt in the window).</param>
public sealed record PathMetrics(string Path, long Requests, long Errors, long WindowSamples, double? P50Ms, double? P95Ms, double? P99Ms)
{
    public static PathMetrics Of(string path, PathEvidence evidence) => new(path, evidence.Requests, evidence.Failures,
        evidence.Latency.Count, Round(evidence.Latency.Quantile(0.50)), Round(evidence.Latency.Quantile(0.95)),
        Round(evidence.Latency.Quantile(0.99)));

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 3) : null;
}
