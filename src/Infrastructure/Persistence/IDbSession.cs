using Npgsql;

namespace CameraMonitor.Infrastructure.Persistence;

/// <summary>
/// The request's one connection, and the transaction the pipeline opened on it (if any). Repositories and
/// legacy handlers run their SQL through it, so they take part in the command's transaction.
/// </summary>
public interface IDbSession
{
    NpgsqlTransaction? Transaction { get; }

    ValueTask<NpgsqlConnection> ConnectionAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Runs <paramref name="action"/> in the open transaction after the command's work, just before COMMIT (and before
    /// a dark launch collects the captured rows). For writes to rows that concurrent commands share (rollup counters):
    /// their row locks are then held only for the last statement and the commit, not for the whole command.
    /// </summary>
    void BeforeCommit(Func<CancellationToken, Task> action);
}
