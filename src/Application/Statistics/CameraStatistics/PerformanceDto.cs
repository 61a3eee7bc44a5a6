namespace CameraMonitor.Application.Statistics.CameraStatistics;

/// <summary>Detector latency in the window; p95 is null when there was no detection.</summary>
public sealed record PerformanceDto(double AvgProcessingMs, double? P95ProcessingMs);
