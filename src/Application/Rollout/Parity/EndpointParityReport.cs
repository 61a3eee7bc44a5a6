namespace CameraMonitor.Application.Rollout.Parity;

/// <param name="AccuracyPercent">matched / compared × 100; null before the first comparison.</param>
/// <param name="NonDeterministicFields">Fields that differed between two runs of the same implementation (A/A), with their noise rate (0–1).</param>
/// <param name="MismatchedFields">Fields counted as real mismatches, with how many samples they failed.</param>
/// <param name="Fields">Every field that differed A/B or A/A: its difference, noise and mismatch rates, and since when it is noisy.</param>
/// <param name="DroppedSamples">Samples dropped because the parity queue was full.</param>
/// <param name="Sampled">Queries that drew a parity sample (the rate), whether or not the budget let it run.</param>
/// <param name="SkippedForBudget">Drawn samples the parity budget (Parity:Budget) refused: nothing was captured for them.</param>
public sealed record EndpointParityReport(
    string Endpoint,
    long Compared,
    long Matched,
    long Mismatched,
    double? AccuracyPercent,
    IReadOnlyDictionary<string, long> MismatchedFields,
    IReadOnlyDictionary<string, double> NonDeterministicFields,
    IReadOnlyList<ParityDiff> RecentDiffs,
    IReadOnlyList<FieldParity> Fields,
    long DroppedSamples = 0,
    long Sampled = 0,
    long SkippedForBudget = 0);
