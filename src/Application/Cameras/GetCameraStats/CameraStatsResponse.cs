using CameraMonitor.Domain.Violations;

namespace CameraMonitor.Application.Cameras.GetCameraStats;

/// <summary>
/// A camera's statistics. <c>violations_by_status</c> always lists every status (zero-filled); averages are
/// null when there is nothing to average.
/// </summary>
public sealed record CameraStatsResponse(
    string CameraId,
    long TotalDetections,
    long TotalViolations,
    IReadOnlyDictionary<string, long> ViolationsByType,
    IReadOnlyDictionary<string, long> ViolationsByStatus,
    double? AvgConfidence,
    double? AvgProcessingMs,
    DateTime? LastDetectionAt)
{
    /// <summary>
    /// The one place both paths build the answer: averages are rounded here (4 decimals for confidence,
    /// 2 for milliseconds) because a sum of hourly sums and a raw AVG may differ in the last bits.
    /// </summary>
    public static CameraStatsResponse Create(string cameraId, long totalDetections, double? avgProcessingMs,
        DateTime? lastDetectionAt, IReadOnlyList<ViolationCount> violations, double? avgConfidence)
    {
        var byType = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var byStatus = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var status in ViolationStatusNames.All)
        {
            byStatus[status] = 0;
        }

        foreach (var count in violations.Where(v => v.Count > 0))
        {
            byType[count.ViolationType] = byType.GetValueOrDefault(count.ViolationType) + count.Count;
            byStatus[count.Status] = byStatus.GetValueOrDefault(count.Status) + count.Count;
        }

        var totalViolations = byType.Values.Sum();
        return new CameraStatsResponse(cameraId, totalDetections, totalViolations, byType, byStatus,
            totalViolations == 0 ? null : Round(avgConfidence, 4),
            totalDetections == 0 ? null : Round(avgProcessingMs, 2),
            lastDetectionAt?.ToUniversalTime());
    }

    private static double? Round(double? value, int decimals) =>
        value is { } v ? Math.Round(v, decimals, MidpointRounding.AwayFromZero) : null;
}
