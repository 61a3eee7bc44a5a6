namespace CameraMonitor.Application.Rollout.Evidence;

/// <summary>What one path did over a window, summed over the instances that reported in it.</summary>
/// <param name="Requests">Attempts on the path (a failed domain attempt that fell back counts here and in <paramref name="Failures"/>).</param>
/// <param name="Failures">Attempts that failed with a non-business error.</param>
/// <param name="Latency">Latencies of the attempts, merged across instances.</param>
public sealed record PathEvidence(long Requests, long Failures, LatencyHistogram Latency)
{
    public static PathEvidence Empty() => new(0, 0, new LatencyHistogram());
}
