namespace CameraMonitor.Application.Rollout.Evidence;

/// <summary>One endpoint × path in the metrics API; percentiles in milliseconds over the latency window.</summary>
public sealed record PathMetrics(string Path, long Requests, long Errors, int WindowSamples, double? P50Ms, double? P95Ms, double? P99Ms);
