using CameraMonitor.Domain.Cameras;
using CameraMonitor.Domain.Common;

namespace CameraMonitor.Domain.Alerts;

/// <summary>An alert raised for a camera, by a rule or by hand.</summary>
public sealed class Alert : IAggregateRoot
{
    public const int MaxMessageLength = 1000;
    public const int MaxAlertTypeLength = 64;

    private Alert(long id, long? ruleId, CameraId cameraId, string alertType, AlertSeverity severity, string message,
        DateTimeOffset triggeredAt, DateTimeOffset? acknowledgedAt, DateTimeOffset? windowStart)
    {
        Id = id;
        RuleId = ruleId;
        CameraId = cameraId;
        AlertType = alertType;
        Severity = severity;
        Message = message;
        TriggeredAt = triggeredAt;
        AcknowledgedAt = acknowledgedAt;
        WindowStart = windowStart;
    }

    /// <summary>0 until stored.</summary>
    public long Id { get; }
    public long? RuleId { get; }
    public CameraId CameraId { get; }
    public string AlertType { get; }
    public AlertSeverity Severity { get; }
    public string Message { get; }
    public DateTimeOffset TriggeredAt { get; }
    public DateTimeOffset? AcknowledgedAt { get; }

    /// <summary>The rule window the alert was raised for: the key that keeps it to one per rule, camera and window.</summary>
    public DateTimeOffset? WindowStart { get; }

    public static Alert Raise(long? ruleId, CameraId cameraId, string alertType, AlertSeverity severity, string message,
        DateTimeOffset triggeredAt, DateTimeOffset? windowStart) =>
        Rehydrate(0, ruleId, cameraId.Value, alertType, severity.ToName(), message, triggeredAt, null, windowStart);

    public static Alert Rehydrate(long id, long? ruleId, string cameraId, string? alertType, string severity,
        string? message, DateTimeOffset triggeredAt, DateTimeOffset? acknowledgedAt, DateTimeOffset? windowStart)
    {
        if (string.IsNullOrWhiteSpace(alertType) || alertType.Length > MaxAlertTypeLength)
        {
            throw new DomainException("alert_type", $"alert_type must be 1 to {MaxAlertTypeLength} characters.");
        }

        if (string.IsNullOrWhiteSpace(message) || message.Length > MaxMessageLength)
        {
            throw new DomainException("message", $"message must be 1 to {MaxMessageLength} characters.");
        }

        if (acknowledgedAt < triggeredAt)
        {
            throw new DomainException("acknowledged_at", "acknowledged_at must not be before triggered_at.");
        }

        return new Alert(id, ruleId, CameraId.From(cameraId), alertType, AlertSeverityNames.Parse(severity), message,
            triggeredAt, acknowledgedAt, windowStart);
    }
}
