namespace CameraMonitor.Application.Rollout.Evidence;

/// <summary>
/// The cluster's evidence about one endpoint over [<paramref name="From"/>, <paramref name="To"/>): the sum of every
/// instance's published slices. Only requests routed by the percentage split are evidence about it
/// (<paramref name="Domain"/>, <paramref name="Legacy"/>, <paramref name="Fallback"/>); requests routed by
/// <c>force_domain</c>, an allow/deny list or the kill switch are counted apart (<paramref name="Steered"/>) and never judged.
/// </summary>
/// <param name="Fallback">Legacy answers to failed domain attempts (the failures also count in <paramref name="Domain"/>).</param>
/// <param name="ParityDropped">Parity samples dropped because the background queue was full.</param>
/// <param name="DarkLaunchFailures">Dark-launch shadow runs that failed or timed out.</param>
/// <param name="DarkLaunchSkipped">Dark-launch samples not compared (the real request fell back, failed or changed path).</param>
public sealed record EndpointEvidence(
    string Endpoint,
    DateTime From,
    DateTime To,
    PathEvidence Domain,
    PathEvidence Legacy,
    PathEvidence Fallback,
    SteeredEvidence Steered,
    long ParityCompared,
    long ParityMismatched,
    long DarkLaunchCompared,
    long DarkLaunchMismatched,
    IReadOnlyList<InstanceEvidence> Instances,
    long ParityDropped = 0,
    long DarkLaunchFailures = 0,
    long DarkLaunchSkipped = 0);
