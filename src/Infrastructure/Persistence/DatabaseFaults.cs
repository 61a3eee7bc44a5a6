using System.Net.Sockets;
using CameraMonitor.Application.Common.Faults;
using Npgsql;

namespace CameraMonitor.Infrastructure.Persistence;

/// <summary>
/// Classifies database exceptions by SQLSTATE class and by what Npgsql saw on the wire. Walks the inner exceptions,
/// since Npgsql wraps socket and timeout errors, and callers (MediatR, Polly) may wrap them again.
/// </summary>
public sealed class DatabaseFaults(NpgsqlDataSource dataSource) : IInfrastructureFaults
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(2);

    public InfrastructureFault Classify(Exception exception) => Of(exception);

    public async Task<bool> DatabaseAnswersAsync(CancellationToken cancellationToken)
    {
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(ProbeTimeout);
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(bounded.Token);
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync(bounded.Token);
            return true;
        }
        catch (Exception exception) when (exception is OperationCanceledException || Of(exception) != InfrastructureFault.None
                                          || exception is NpgsqlException or InvalidOperationException)
        {
            return false;
        }
    }

    public static InfrastructureFault Of(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            var fault = OfOne(current);
            if (fault != InfrastructureFault.None)
            {
                return fault;
            }
        }

        return InfrastructureFault.None;
    }

    /// <summary>A serialization failure or deadlock: the whole transaction may simply be run again.</summary>
    public static bool IsRetryableConflict(Exception exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected };

    private static InfrastructureFault OfOne(Exception exception) => exception switch
    {
        CommitOutcomeUnknownException => InfrastructureFault.CommitOutcomeUnknown,
        PostgresException postgres => OfSqlState(postgres.SqlState),
        // Npgsql: "The connection pool has been exhausted", command timeout (inner TimeoutException).
        TimeoutException => InfrastructureFault.Unavailable,
        NpgsqlException { InnerException: TimeoutException } => InfrastructureFault.Unavailable,
        SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.TryAgain }
            => InfrastructureFault.Unavailable,
        // Reading or writing the stream failed, or Npgsql marked the connector broken.
        NpgsqlException { IsTransient: true } => InfrastructureFault.ConnectionLost,
        NpgsqlException { InnerException: IOException or SocketException or EndOfStreamException } => InfrastructureFault.ConnectionLost,
        _ => InfrastructureFault.None,
    };

    private static InfrastructureFault OfSqlState(string sqlState) => sqlState switch
    {
        PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown => InfrastructureFault.ConnectionLost,
        PostgresErrorCodes.ConnectionFailure => InfrastructureFault.ConnectionLost,
        PostgresErrorCodes.CannotConnectNow => InfrastructureFault.Unavailable,
        PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected => InfrastructureFault.Unavailable,
        PostgresErrorCodes.QueryCanceled or PostgresErrorCodes.LockNotAvailable => InfrastructureFault.Unavailable,
        // Class 08: connection exception; class 53: insufficient resources (too many connections, out of memory, disk full).
        _ when sqlState.StartsWith("08", StringComparison.Ordinal) => InfrastructureFault.ConnectionLost,
        _ when sqlState.StartsWith("53", StringComparison.Ordinal) => InfrastructureFault.Unavailable,
        _ => InfrastructureFault.None,
    };
}
