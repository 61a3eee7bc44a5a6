using CameraMonitor.Application.Common.Persistence;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CameraMonitor.Infrastructure.Persistence;

/// <summary>Scoped unit of work over one lazily opened connection.</summary>
public sealed class DbSession(NpgsqlDataSource dataSource, ILogger<DbSession> logger)
    : IDbSession, IUnitOfWork, IAsyncDisposable, IDisposable
{
    private readonly List<Func<CancellationToken, Task>> _afterCommit = [];
    private NpgsqlConnection? _connection;

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
            result = await work(cancellationToken);
            await Transaction.CommitAsync(cancellationToken);
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
