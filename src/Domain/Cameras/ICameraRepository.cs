namespace CameraMonitor.Domain.Cameras;

public interface ICameraRepository
{
    Task<IReadOnlyList<Camera>> ListAsync(CancellationToken cancellationToken);

    Task<Camera?> FindAsync(CameraId id, CancellationToken cancellationToken);

    /// <summary>Those of <paramref name="ids"/> that name no camera, in one round trip.</summary>
    Task<IReadOnlySet<string>> FindMissingAsync(IReadOnlyCollection<CameraId> ids, CancellationToken cancellationToken);

    Task AddAsync(Camera camera, CancellationToken cancellationToken);

    /// <summary>
    /// Stores the camera's fields. With <paramref name="onlyIfUnchanged"/> the write happens only if the row is still at
    /// the version the camera was read at (an If-Match that was checked must still hold when the row is written).
    /// </summary>
    /// <returns>false when the conditional write found the row changed (or gone).</returns>
    Task<bool> UpdateAsync(Camera camera, bool onlyIfUnchanged, CancellationToken cancellationToken);

    /// <returns>false when no such camera exists.</returns>
    Task<bool> DeleteAsync(CameraId id, CancellationToken cancellationToken);
}
