namespace CameraMonitor.Application.Common.Idempotency;

/// <summary>
/// Idempotency keys, stored in the command's transaction. Claiming a key that another request is still using waits
/// for that request: its commit makes this a replay, its rollback hands the key over.
/// </summary>
public interface IIdempotencyStore
{
    /// <summary>
    /// Claims the key (null), or returns the answer stored the first time it was used; throws a conflict when the
    /// key was first used for a request with another <paramref name="requestHash"/>.
    /// </summary>
    Task<string?> ClaimAsync(string endpoint, string key, string requestHash, DateTimeOffset now,
        CancellationToken cancellationToken);

    /// <summary>Stores the answer (JSON) under the claimed key, in the same transaction as the write it describes.</summary>
    Task CompleteAsync(string endpoint, string key, string responseJson, CancellationToken cancellationToken);
}
