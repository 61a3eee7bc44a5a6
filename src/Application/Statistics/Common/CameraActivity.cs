namespace CameraMonitor.Application.Statistics.Common;

/// <summary>What only raw rows can tell about one camera in one window: the p95 latency and the silent gaps.</summary>
public sealed record CameraActivity(double? P95ProcessingMs, IReadOnlyList<DetectionGap> Gaps);
