namespace CameraMonitor.Application.Rollout.DarkLaunch;

/// <param name="SampleRate">The configured rate (%).</param>
/// <param name="Sampled">Commands that drew a sample: shadows started plus those skipped for budget.</param>
/// <param name="Compared">Samples compared: shadow and real path both finished on the expected paths.</param>
/// <param name="Skipped">Samples not compared because the real request fell back, failed or changed path.</param>
/// <param name="MismatchedFields">Response fields that differed, with the number of samples.</param>
/// <param name="SkippedForBudget">Drawn samples the dark-launch budget (DarkLaunch:Budget) refused: no shadow ran.</param>
/// <param name="MismatchedColumns">Row columns ("table.column", or "table" for a missing row) that differed.</param>
public sealed record EndpointDarkLaunchReport(
    string Endpoint,
    double SampleRate,
    IReadOnlyList<string> IgnoredFields,
    long Sampled,
    long Compared,
    long ResponsesMatched,
    long RowsMatched,
    long Mismatches,
    long ShadowFailures,
    long Skipped,
    IReadOnlyDictionary<string, long> MismatchedFields,
    IReadOnlyDictionary<string, long> MismatchedColumns,
    IReadOnlyList<DarkLaunchMismatch> RecentMismatches,
    long SkippedForBudget = 0);
