namespace CameraMonitor.Application.Statistics.Common;

/// <summary>Violations of one camera, type and status in a window; the same shape from rollups or raw rows.</summary>
public sealed record ViolationTotals(
    string CameraId,
    string ViolationType,
    string Status,
    long ViolationCount,
    double ConfidenceSum);
