namespace CameraMonitor.Application.Rollout.Evidence;

/// <summary>One endpoint × path × routing group of a slice: a row of rollout_evidence_slices.</summary>
/// <param name="LatencyBuckets">The <see cref="LatencyHistogram"/> counts (<see cref="LatencyHistogram.ToCounts"/>).</param>
public sealed record AttemptSlice(string Endpoint, string Path, string Group, long Requests, long Failures, long[] LatencyBuckets);
