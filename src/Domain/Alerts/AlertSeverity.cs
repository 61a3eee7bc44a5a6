namespace CameraMonitor.Domain.Alerts;

public enum AlertSeverity
{
    Info,
    Warning,
    Critical,
}
