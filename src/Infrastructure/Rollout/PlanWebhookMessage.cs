namespace CameraMonitor.Infrastructure.Rollout;

/// <summary>One event on its way: the payload is serialized when the event happens, so it shows the plan as it was then.</summary>
internal sealed record PlanWebhookMessage(long PlanId, Guid EventId, string Event, string Url, string? Secret, byte[] Body);
