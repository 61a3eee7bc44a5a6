using CameraMonitor.Domain.Cameras;

namespace CameraMonitor.Domain.Detections;

/// <summary>Violations of a camera (of one type, or any when null) detected in (After, UpTo]: what an alert rule counts.</summary>
public sealed record ViolationWindow(CameraId CameraId, string? ViolationType, DateTimeOffset After, DateTimeOffset UpTo);
