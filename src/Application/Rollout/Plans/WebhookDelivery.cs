namespace CameraMonitor.Application.Rollout.Plans;

/// <summary>One webhook event's delivery (rollout_plan_webhook_deliveries), after its last attempt.</summary>
/// <param name="StatusCode">The receiver's last HTTP status; null when it could not be reached.</param>
public sealed record WebhookDelivery(Guid EventId, string Event, string Url, DateTime AttemptedAt, int Attempts, bool Delivered,
    int? StatusCode, string? Error);
