namespace CameraMonitor.Application.Rollout.Evidence;

/// <summary>One endpoint in the metrics API, summed over the cluster in the window.</summary>
/// <param name="Fallbacks">Domain failures answered by legacy (they also count as errors of the domain path).</param>
/// <param name="DroppedSamples">Parity samples dropped because the background queue was full.</param>
/// <param name="Paths">Every request, whatever chose its path.</param>
/// <param name="Split">Only the requests the percentage split routed: the evidence the plans judge.</param>
/// <param name="Steered">Requests routed by force_domain, an allow/deny list or the kill switch: never judged.</param>
/// <param name="Instances">Each instance's share of the endpoint's requests, its last report and whether it is silent.</param>
public sealed record EndpointMetrics(
    string Endpoint,
    long Fallbacks,
    long Mismatches,
    long ParityCompared,
    long DroppedSamples,
    IReadOnlyList<PathMetrics> Paths,
    IReadOnlyList<PathMetrics> Split,
    IReadOnlyList<PathMetrics> Steered,
    IReadOnlyList<InstanceEvidence> Instances);
