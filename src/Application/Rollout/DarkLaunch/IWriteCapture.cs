namespace CameraMonitor.Application.Rollout.DarkLaunch;

/// <summary>
/// Records the rows a command writes, through the capture triggers of the domain tables (migration 0009).
/// Implemented by the scoped unit of work, so it sees exactly the transactions of its scope.
/// </summary>
public interface IWriteCapture
{
    /// <summary>
    /// From now on every transaction of this scope captures its rows; those of the last one that committed
    /// are in <see cref="CommittedWrites"/>. They are removed from the capture table before the commit.
    /// </summary>
    void CaptureCommittedWrites();

    /// <summary>The rows written by the last transaction of this scope that committed (empty after a rollback).</summary>
    IReadOnlyList<CapturedWrite> CommittedWrites { get; }

    /// <summary>
    /// Runs <paramref name="work"/> in a transaction that is always rolled back, returning what it answered
    /// and the rows it wrote. Its after-commit actions never run. Exceptions of the work propagate.
    /// </summary>
    Task<CapturedRun<T>> RunAndRollBackAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken);
}
