namespace CameraMonitor.Application.Statistics.Common;

/// <summary>A stretch with no detection of a camera, longer than the configured gap.</summary>
public sealed record DetectionGap(DateTime GapStart, DateTime GapEnd);
