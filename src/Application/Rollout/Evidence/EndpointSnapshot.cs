namespace CameraMonitor.Application.Rollout.Evidence;

/// <summary>One endpoint's counters at a moment, so later counts can be read as deltas since then.</summary>
public sealed record EndpointSnapshot(
    PathSnapshot Domain,
    PathSnapshot Legacy,
    PathSnapshot Fallback,
    long ParityCompared,
    long ParityMismatches);
