using CameraMonitor.Domain.Violations;

namespace CameraMonitor.Application.Statistics.Common;

/// <summary>
/// Turns totals (from rollups or raw rows alike) into <see cref="PeriodStatistics"/>. Averages are
/// rounded because the two sources add the same doubles in a different order.
/// </summary>
public static class PeriodStatisticsBuilder
{
    public static PeriodStatistics Build(IReadOnlyCollection<DetectionTotals> detections,
        IReadOnlyCollection<ViolationTotals> violations)
    {
        var detectionCount = detections.Sum(d => d.DetectionCount);
        var violationCount = violations.Sum(v => v.ViolationCount);
        var byStatus = ViolationStatusNames.All.ToDictionary(s => s,
            s => violations.Where(v => v.Status == s).Sum(v => v.ViolationCount));
        return new PeriodStatistics(
            detectionCount,
            detections.Sum(d => d.PersonCount),
            Average(detections.Sum(d => d.ProcessingMsSum), detectionCount, 2),
            detections.Count == 0 ? null : detections.Max(d => d.LastDetectedAt),
            violationCount,
            Sorted(violations.GroupBy(v => v.ViolationType).Select(g => (g.Key, g.Sum(v => v.ViolationCount)))),
            byStatus,
            Average(violations.Sum(v => v.ConfidenceSum), violationCount, 4));
    }

    // Two sums of the same doubles in a different order differ in the last bits; when the exact average is a
    // midpoint at `digits` (0.83875 from confidences like 0.75 and 0.9), those bits alone would round it up on one
    // path and down on the other. Rounding to 9 decimals first removes that noise, then the rounding that shows.
    public static double Average(double sum, long count, int digits) =>
        count == 0 ? 0 : Math.Round(Math.Round(sum / count, 9), digits, MidpointRounding.AwayFromZero);

    /// <summary>A dictionary that serialises its keys in ordinal order, so both paths write the same JSON.</summary>
    public static IReadOnlyDictionary<string, TValue> Sorted<TValue>(IEnumerable<(string Key, TValue Value)> pairs)
    {
        var sorted = new SortedDictionary<string, TValue>(StringComparer.Ordinal);
        foreach (var (key, value) in pairs)
        {
            sorted[key] = value;
        }

        return sorted;
    }
}
