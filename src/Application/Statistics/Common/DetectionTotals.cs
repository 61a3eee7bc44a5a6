namespace CameraMonitor.Application.Statistics.Common;

/// <summary>One camera's detection totals in a window; the same shape whether counted from rollups or raw rows.</summary>
public sealed record DetectionTotals(
    string CameraId,
    long DetectionCount,
    long PersonCount,
    double ProcessingMsSum,
    DateTime LastDetectedAt);
