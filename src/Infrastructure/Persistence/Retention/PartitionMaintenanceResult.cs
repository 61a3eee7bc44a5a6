namespace CameraMonitor.Infrastructure.Persistence.Retention;

/// <summary>What one maintenance run did; <see cref="Skipped"/> when another instance held the maintenance lock.</summary>
public sealed record PartitionMaintenanceResult(
    bool Skipped,
    IReadOnlyList<string> CreatedPartitions,
    IReadOnlyList<string> DroppedPartitions,
    IReadOnlyDictionary<string, long> DeletedRows)
{
    public static readonly PartitionMaintenanceResult NotRun = new(true, [], [], new Dictionary<string, long>());
}
