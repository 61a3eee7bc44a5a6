namespace CameraMonitor.Application.Cameras.GetCameraStats;

/// <summary>Sums (not averages) of a camera's detections and violations, as the hourly rollups hold them.</summary>
public sealed record CameraActivityTotals(
    long Detections,
    double ProcessingMsSum,
    DateTime? LastDetectionAt,
    double ConfidenceSum,
    IReadOnlyList<ViolationCount> Violations);
