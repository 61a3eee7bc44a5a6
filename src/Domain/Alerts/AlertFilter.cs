namespace CameraMonitor.Domain.Alerts;

/// <summary>Which alerts to list (newest first); null fields do not filter.</summary>
public sealed record AlertFilter(string? CameraId, string? AlertType, AlertSeverity? Severity, DateTimeOffset? Since, int Limit);
