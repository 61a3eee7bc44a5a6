namespace CameraMonitor.Application.Rollout.Evidence;

/// <param name="Fallbacks">Domain failures answered by legacy (they also count as errors of the domain path).</param>
/// <param name="DroppedSamples">Parity samples dropped because the background queue was full.</param>
public sealed record EndpointMetrics(
    string Endpoint,
    long Fallbacks,
    long Mismatches,
    long ParityCompared,
    long DroppedSamples,
    IReadOnlyList<PathMetrics> Paths);
