namespace CameraMonitor.Application.Statistics.Common;

/// <summary>Detection and violation totals of one camera (or all) in one window.</summary>
public sealed record PeriodStatistics(
    long Detections,
    long Persons,
    double AvgProcessingMs,
    DateTime? LastDetectionAt,
    long Violations,
    IReadOnlyDictionary<string, long> ByType,
    IReadOnlyDictionary<string, long> ByStatus,
    double AvgConfidence);
