namespace CameraMonitor.Infrastructure.Persistence.Repositories;

public sealed record AlertRow(
    long Id,
    long? RuleId,
    string CameraId,
    string AlertType,
    string Severity,
    string Message,
    DateTime TriggeredAt,
    DateTime? AcknowledgedAt,
    DateTime? WindowStart);
