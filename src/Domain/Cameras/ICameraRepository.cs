namespace CameraMonitor.Domain.Cameras;

public interface ICameraRepository
{
    Task<IReadOnlyList<Camera>> ListAsync(CancellationToken cancellationToken);

    Task<Camera?> FindAsync(CameraId id, CancellationToken cancellationToken);

    /// <summary>Those of <paramref name="ids"/> that name no camera, in one round trip.</summary>
    Task<IReadOnlySet<string>> FindMissingAsync(IReadOnlyCollection<CameraId> ids, CancellationToken cancellationToken);

    Task AddAsync(Camera camera, CancellationToken cancellationToken);

    Task UpdateAsync(Camera camera, CancellationToken cancellationToken);

    /// <returns>false when no such camera exists.</returns>
    Task<bool> DeleteAsync(CameraId id, CancellationToken cancellationToken);
}
