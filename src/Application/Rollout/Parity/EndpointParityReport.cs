namespace CameraMonitor.Application.Rollout.Parity;

/// <param name="AccuracyPercent">matched / compared × 100; null before the first comparison.</param>
/// <param name="NonDeterministicFields">Fields that differed between two legacy runs, with their noise rate (0–1).</param>
/// <param name="MismatchedFields">Fields counted as real mismatches, with how many samples they failed.</param>
public sealed record EndpointParityReport(
    string Endpoint,
    long Compared,
    long Matched,
    long Mismatched,
    double? AccuracyPercent,
    IReadOnlyDictionary<string, long> MismatchedFields,
    IReadOnlyDictionary<string, double> NonDeterministicFields,
    IReadOnlyList<ParityDiff> RecentDiffs);
