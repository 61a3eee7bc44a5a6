namespace CameraMonitor.Application.Rollout.DarkLaunch;

/// <summary>One sample whose responses or rows differed.</summary>
/// <param name="RealPath">The path that answered the caller (and committed); the other one was the rolled-back shadow.</param>
/// <param name="RowDiffs">Paths "table.operation[i].column", e.g. "cameras.insert[0].location".</param>
public sealed record DarkLaunchMismatch(
    DateTime ObservedAt,
    string RealPath,
    string ShadowPath,
    IReadOnlyList<DarkLaunchDiff> ResponseDiffs,
    IReadOnlyList<DarkLaunchDiff> RowDiffs);
