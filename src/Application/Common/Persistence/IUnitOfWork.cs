namespace CameraMonitor.Application.Common.Persistence;

/// <summary>
/// The database transaction of one attempt at a command. The pipeline owns it, not the handler, so a
/// failed domain attempt is rolled back completely before the legacy handler starts a fresh one.
/// </summary>
public interface IUnitOfWork
{
    /// <summary>Runs <paramref name="work"/> in a transaction: commit on success, roll back on any exception.</summary>
    Task<T> ExecuteInTransactionAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken);

    /// <summary>Queues an action to run only after the current transaction commits (e.g. rewriting a file mirror).</summary>
    void AfterCommit(Func<CancellationToken, Task> action);

    /// <summary>
    /// Drops this unit of work's connection and anything queued on it, so the next attempt (a fallback) starts on a
    /// fresh connection instead of the one a failed attempt may have left broken or half-used.
    /// </summary>
    Task ResetAsync();
}
