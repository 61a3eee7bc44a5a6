using CameraMonitor.Domain.Cameras;

namespace CameraMonitor.Domain.Alerts;

/// <summary>The window a rule alerts in for a camera: at most one alert per rule, camera and window start.</summary>
public readonly record struct AlertWindow(long RuleId, CameraId CameraId, DateTimeOffset WindowStart);
