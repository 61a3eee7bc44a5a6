namespace CameraMonitor.Application.Statistics.CameraStatistics;

/// <summary>
/// Something unusual in the window. <c>no_detections</c>: nothing detected from start to end.
/// <c>violation_spike</c>: the last hour's violations (count) exceeded mean + 3σ of the window's hourly counts (threshold).
/// </summary>
public sealed record AnomalyDto(
    string Type,
    DateTime Start,
    DateTime End,
    string Description,
    long? Count = null,
    double? Threshold = null);
