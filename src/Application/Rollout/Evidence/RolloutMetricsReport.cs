namespace CameraMonitor.Application.Rollout.Evidence;

/// <summary>GET …/rollout/metrics: the cluster's evidence over [<paramref name="WindowFrom"/>, <paramref name="WindowTo"/>].</summary>
/// <param name="AnsweredBy">The instance that answered (it published its own latest evidence first).</param>
/// <param name="Instances">Every instance that reported in the window; a silent one is named so, never taken for healthy.</param>
public sealed record RolloutMetricsReport(
    DateTime WindowFrom,
    DateTime WindowTo,
    string AnsweredBy,
    IReadOnlyList<InstanceEvidence> Instances,
    IReadOnlyList<EndpointMetrics> Endpoints);
