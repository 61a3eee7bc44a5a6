namespace CameraMonitor.Application.Rollout.Parity;

/// <summary>Persisted latest diffs per endpoint (rollout_parity_diffs), shared by every instance.</summary>
public interface IParityDiffStore
{
    Task SaveAsync(string endpoint, IReadOnlyList<ParityDiff> diffs, int keep, CancellationToken cancellationToken);

    Task<IReadOnlyList<ParityDiff>> RecentAsync(string endpoint, int limit, CancellationToken cancellationToken);
}
