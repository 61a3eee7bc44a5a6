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
}
