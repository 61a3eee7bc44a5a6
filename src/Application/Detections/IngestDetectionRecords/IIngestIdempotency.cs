namespace CameraMonitor.Application.Detections.IngestDetectionRecords;

/// <summary>
/// Idempotency keys of ingest, stored in the command's transaction. Claiming a key that another request
/// is still using waits for that request: its commit makes this a replay, its rollback hands the key over.
/// </summary>
public interface IIngestIdempotency
{
    /// <summary>
    /// Claims the key, or returns the ids answered the first time it was used; throws a conflict when the
    /// key was first used for a request with another <paramref name="requestHash"/>.
    /// </summary>
    Task<IReadOnlyList<long>?> ClaimAsync(string endpoint, string key, string requestHash, DateTimeOffset now,
        CancellationToken cancellationToken);

    /// <summary>Stores the answer under the claimed key (same transaction as the write it describes).</summary>
    Task CompleteAsync(string endpoint, string key, IReadOnlyList<long> ids, CancellationToken cancellationToken);
}
