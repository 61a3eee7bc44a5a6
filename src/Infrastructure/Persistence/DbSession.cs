using CameraMonitor.Application.Common.Persistence;
using CameraMonitor.Application.Rollout.DarkLaunch;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CameraMonitor.Infrastructure.Persistence;

/// <summary>Scoped unit of work over one lazily opened connection; also the dark launch's row capture.</summary>
public sealed class DbSession(NpgsqlDataSource dataSource, ILogger<DbSession> logger)
    : IDbSession, IUnitOfWork, IWriteCapture, IAsyncDisposable, IDisposable
{
    private readonly List<Func<CancellationToken, Task>> _afterCommit = [];
    private NpgsqlConnection? _connection;
    private bool _captureWrites;

    public NpgsqlTransaction? Transaction { get; private set; }

    public async ValueTask<NpgsqlConnection> ConnectionAsync(CancellationToken cancellationToken) =>
        _connection ??= await dataSource.OpenConnectionAsync(cancellationToken);

    public async Task<T> ExecuteInTransactionAsync<T>(Func<CancellationToken, Task<T>> work,
        CancellationToken cancellationToken)
    {
        if (Transaction is not null)
        {
            return await work(cancellationToken); // already inside this request's transaction: join it
        }

        var connection = await ConnectionAsync(cancellationToken);
        Transaction = await connection.BeginTransactionAsync(cancellationToken);
        T result;
        try
        {
            CommittedWrites = [];
            if (_captureWrites)
            {
                await StartCaptureAsync(cancellationToken);
            }

            result = await work(cancellationToken);
            var captured = _captureWrites ? await CollectAsync(cancellationToken) : [];
            await Transaction.CommitAsync(cancellationToken);
            CommittedWrites = captured;
        }
        catch
        {
            _afterCommit.Clear();
            await Transaction.RollbackAsync(CancellationToken.None);
            throw;
        }
        finally
        {
            await Transaction.DisposeAsync();
            Transaction = null;
        }

        await RunAfterCommitActions(cancellationToken);
        return result;
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
            return new CapturedRun<T>(result, await CollectAsync(cancellationToken));
        }
        finally
        {
            // Never committed, so its after-commit actions (e.g. the YAML mirror rewrite) never run.
            _afterCommit.Clear();
            await Transaction.RollbackAsync(CancellationToken.None);
            await Transaction.DisposeAsync();
            Transaction = null;
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

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }

    public void Dispose() => _connection?.Dispose();

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

    // The write is committed: a failing side effect must not fail the request (a fallback would then
    // apply the write a second time). It is logged; start-up reconciliation repairs what it left behind.
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
            }
        }
    }
}
