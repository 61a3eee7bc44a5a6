namespace CameraMonitor.Infrastructure.Rollout;

/// <summary>The "Rollout:Plans:Webhook" configuration section: the default receiver of plan events and how they are delivered.</summary>
public sealed class PlanWebhookOptions
{
    public const string SectionName = "Rollout:Plans:Webhook";

    /// <summary>Receiver of the events of plans started without a webhook_url; null: none.</summary>
    public string? Url { get; set; }

    /// <summary>HMAC-SHA256 key for <see cref="Url"/>'s events; null: unsigned.</summary>
    public string? Secret { get; set; }

    /// <summary>Events waiting for delivery; beyond it new events are dropped (and logged), never waited for.</summary>
    public int QueueCapacity { get; set; } = 1000;

    /// <summary>Attempts per event, including the first.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Delay before the first retry; doubled before each next one (1, 2, 4, 8 s by default).</summary>
    public double FirstRetryDelaySeconds { get; set; } = 1;

    /// <summary>How long one attempt may take.</summary>
    public double TimeoutSeconds { get; set; } = 10;
}
