namespace CameraMonitor.Application.Rollout.Evidence;

/// <param name="WindowSize">How many of the latest latencies per endpoint × path the percentiles cover.</param>
public sealed record RolloutMetricsReport(int WindowSize, IReadOnlyList<EndpointMetrics> Endpoints);
