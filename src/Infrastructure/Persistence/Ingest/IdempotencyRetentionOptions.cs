namespace CameraMonitor.Infrastructure.Persistence.Ingest;

/// <summary>The "Ingest" section: how long Idempotency-Key answers are kept.</summary>
public sealed class IdempotencyRetentionOptions
{
    public const string SectionName = "Ingest";

    /// <summary>A retry with the same key within this time gets the first answer; after it, the key is free again.</summary>
    public int IdempotencyKeyRetentionHours { get; set; } = 72;

    /// <summary>How often expired keys are deleted; 0 turns pruning off on this instance.</summary>
    public int IdempotencyPruneIntervalMinutes { get; set; } = 60;
}
