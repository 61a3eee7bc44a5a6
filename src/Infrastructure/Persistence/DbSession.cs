using System.Data;
using CameraMonitor.Application.Common.Faults;
using CameraMonitor.Application.Common.Persistence;
using CameraMonitor.Application.Rollout.DarkLaunch;
using CameraMonitor.Application.Rollout.Parity;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CameraMonitor.Infrastructure.Persistence;

/// <summary>
/// Scoped unit of work over one lazily opened connection; also the dark launch's row capture. A transaction that
/// hits a serialization failure or deadlock is run again whole (<see cref="ConflictRetry"/>); a connection that
/// failed during COMMIT is reported as <see cref="CommitOutcomeUnknownException"/>, never as a plain failure; and a
/// rollback that fails is logged beside the original error, which stays the one thrown.
/// </summary>
/// <param name="shadowDataSource">The connections of shadow work (<see cref="UseShadowConnections"/>); absent where a session
/// is built by hand for one purpose (tests, tools).</param>
public sealed class DbSession(NpgsqlDataSource dataSource, ConflictRetry conflictRetry,
    IEnumerable<IAfterCommitReconciler> reconcilers, ILogger<DbSession> logger, ShadowDataSource? shadowDataSource = null)
    : IDbSession, IUnitOfWork, IWriteCapture, IShadowConnections, IAsyncDisposable, IDisposable
{
    private NpgsqlDataSource _connections = dataSource;
    private readonly List<Func<CancellationToken, Task>> _afterCommit = [];
    private readonly List<Func<CancellationToken, Task>> _beforeCommit = [];
    private NpgsqlConnection? _connection;
    private bool _captureWrites;

    public NpgsqlTransaction? Transaction { get; private set; }

    public async ValueTask<NpgsqlConnection> ConnectionAsync(CancellationToken cancellationToken)
    {
        // A connection the server or network closed is never reused: outside a transaction, open a fresh one.
        if (_connection is { State: not ConnectionState.Open } && Transaction is null)
        {
            await DropConnectionAsync();
        }

        return _connection ??= await _connections.OpenConnectionAsync(cancellationToken);
    }

    public void UseShadowConnections()
    {
        if (_connection is not null)
        {
            throw new InvalidOperationException("The session already has a connection of the requests' pool.");
        }

        _connections = shadowDataSource?.DataSource
            ?? throw new InvalidOperationException("This session was built without the shadow connections.");
    }

    public async Task ResetAsync()
    {
        if (Transaction is not null)
        {
            throw new InvalidOperationException("The session cannot be reset inside a transaction.");
        }

        _afterCommit.Clear();
        _beforeCommit.Clear();
        CommittedWrites = [];
        await DropConnectionAsync();
    }

    public async Task<T> ExecuteInTransactionAsync<T>(Func<CancellationToken, Task<T>> work,
        CancellationToken cancellationToken)
    {
        if (Transaction is not null)
        {
            return await work(cancellationToken); // already inside this request's transaction: join it
        }

        var result = await conflictRetry.ExecuteAsync(
            async ct => await RunOneTransactionAsync(work, ct), cancellationToken);
        await RunAfterCommitActions(cancellationToken);
        return result;
    }

    private async Task<T> RunOneTransactionAsync<T>(Func<CancellationToken, Task<T>> work,
        CancellationToken cancellationToken)
    {
        var connection = await ConnectionAsync(cancellationToken);
        Transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            CommittedWrites = [];
            if (_captureWrites)
            {
                await StartCaptureAsync(cancellationToken);
            }

            var result = await work(cancellationToken);
            await RunBeforeCommitActionsAsync(cancellationToken);
            var captured = _captureWrites ? await CollectAsync(cancellationToken) : [];
            await CommitAsync(Transaction);
            CommittedWrites = captured;
            return result;
        }
        catch (Exception failure)
        {
            var sideEffectsPending = _afterCommit.Count > 0;
            _afterCommit.Clear();
            _beforeCommit.Clear();
            if (failure is CommitOutcomeUnknownException)
            {
                if (sideEffectsPending)
                {
                    ScheduleReconcile();
                }
            }
            else
            {
                await RollBackBesideAsync(Transaction, failure);
            }

            throw;
        }
        finally
        {
            await DisposeTransactionAsync();
        }
    }

    /// <summary>
    /// Once COMMIT is sent it is not cancelled (a cancelled COMMIT is an unknown outcome we would cause ourselves).
    /// An error answer from the server means it did not commit; losing the connection means nobody knows.
    /// </summary>
    private static async Task CommitAsync(NpgsqlTransaction transaction)
    {
        try
        {
            await transaction.CommitAsync(CancellationToken.None);
        }
        catch (Exception exception) when (exception is not PostgresException
                                          && DatabaseFaults.Of(exception) is InfrastructureFault.ConnectionLost
                                              or InfrastructureFault.Unavailable)
        {
            throw new CommitOutcomeUnknownException(exception);
        }
    }

    public IReadOnlyList<CapturedWrite> CommittedWrites { get; private set; } = [];

    public void CaptureCommittedWrites() => _captureWrites = true;

    public async Task<CapturedRun<T>> RunAndRollBackAsync<T>(Func<CancellationToken, Task<T>> work,
        CancellationToken cancellationToken)
    {
        if (Transaction is not null)
        {
            throw new InvalidOperationException("A rolled-back run needs a scope of its own, without an open transaction.");
        }

        var connection = await ConnectionAsync(cancellationToken);
        Transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            await StartCaptureAsync(cancellationToken);
            var result = await work(cancellationToken);
            await RunBeforeCommitActionsAsync(cancellationToken);
            return new CapturedRun<T>(result, await CollectAsync(cancellationToken));
        }
        finally
        {
            // Never committed, so its after-commit actions (e.g. the YAML mirror rewrite) never run.
            _afterCommit.Clear();
            _beforeCommit.Clear();
            await RollBackBesideAsync(Transaction, original: null);
            await DisposeTransactionAsync();
        }
    }

    public void AfterCommit(Func<CancellationToken, Task> action)
    {
        if (Transaction is null)
        {
            throw new InvalidOperationException("AfterCommit needs an open transaction.");
        }

        _afterCommit.Add(action);
    }

    public void BeforeCommit(Func<CancellationToken, Task> action)
    {
        if (Transaction is null)
        {
            throw new InvalidOperationException("BeforeCommit needs an open transaction.");
        }

        _beforeCommit.Add(action);
    }

    public ValueTask DisposeAsync() => DropConnectionAsync();

    public void Dispose() => _connection?.Dispose();

    /// <summary>
    /// Rolls back; if that fails too (a finished transaction, a dead connection) the failure is logged beside the
    /// original error, and the caller rethrows the original. A broken connection needs no rollback: the server
    /// rolled back when it lost the connection.
    /// </summary>
    private async Task RollBackBesideAsync(NpgsqlTransaction transaction, Exception? original)
    {
        if (_connection is not { State: ConnectionState.Open })
        {
            return;
        }

        try
        {
            await transaction.RollbackAsync(CancellationToken.None);
        }
        catch (Exception rollbackFailure)
        {
            logger.LogWarning(rollbackFailure,
                "Rolling back failed as well; the original error is the one reported: {OriginalError}",
                original is null ? "(none)" : $"{original.GetType().Name}: {original.Message}");
        }
    }

    private async Task DisposeTransactionAsync()
    {
        var transaction = Transaction;
        Transaction = null;
        try
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync();
            }
        }
        catch (Exception exception) when (exception is NpgsqlException or InvalidOperationException or IOException)
        {
            logger.LogDebug(exception, "Disposing a transaction on a failed connection");
        }
    }

    private async ValueTask DropConnectionAsync()
    {
        var connection = _connection;
        _connection = null;
        if (connection is not null)
        {
            await connection.DisposeAsync();
        }
    }

    private void ScheduleReconcile()
    {
        foreach (var reconciler in reconcilers)
        {
            reconciler.ScheduleReconcile();
        }
    }

    private async Task StartCaptureAsync(CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(WriteCaptureSql.Enable, _connection, Transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<IReadOnlyList<CapturedWrite>> CollectAsync(CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(WriteCaptureSql.Collect, _connection, Transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var writes = new List<CapturedWrite>();
        while (await reader.ReadAsync(cancellationToken))
        {
            writes.Add(new CapturedWrite(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.GetString(4)));
        }

        return writes;
    }

    /// <summary>In registration order; a failure fails the transaction like any other statement of the command.</summary>
    private async Task RunBeforeCommitActionsAsync(CancellationToken cancellationToken)
    {
        var actions = _beforeCommit.ToArray();
        _beforeCommit.Clear();
        foreach (var action in actions)
        {
            await action(cancellationToken);
        }
    }

    // The write is committed: a failing side effect must not fail the request (a fallback would then
    // apply the write a second time). It is logged, and the reconcilers repair what it left behind within seconds.
    private async Task RunAfterCommitActions(CancellationToken cancellationToken)
    {
        var actions = _afterCommit.ToArray();
        _afterCommit.Clear();
        foreach (var action in actions)
        {
            try
            {
                await action(cancellationToken);
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "An after-commit action failed; the committed data is unaffected");
                ScheduleReconcile();
            }
        }
    }
}
