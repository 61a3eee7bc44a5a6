using CameraMonitor.Domain.Alerts;

namespace CameraMonitor.Application.Alerts;

public sealed record AlertDto(
    long Id,
    long? RuleId,
    string CameraId,
    string AlertType,
    string Severity,
    string Message,
    DateTime TriggeredAt,
    DateTime? AcknowledgedAt)
{
    public static AlertDto FromDomain(Alert alert) => new(
        alert.Id,
        alert.RuleId,
        alert.CameraId.Value,
        alert.AlertType,
        alert.Severity.ToName(),
        alert.Message,
        alert.TriggeredAt.UtcDateTime,
        alert.AcknowledgedAt?.UtcDateTime);
}
