using CameraMonitor.Infrastructure.Persistence;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using Xunit;

namespace CameraMonitor.Testing;

/// <summary>xunit class fixture: a fresh migrated database for one test class.</summary>
public class DatabaseFixture : IAsyncLifetime
{
    public string ConnectionString { get; private set; } = string.Empty;

    public NpgsqlDataSource DataSource { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        ConnectionString = await CreateDatabaseAsync();
        DataSource = NpgsqlDataSource.Create(ConnectionString);
    }

    public virtual async Task DisposeAsync() => await DataSource.DisposeAsync();

    /// <summary>Where the fixture's database lives: the shared test server unless a fixture needs a cluster of its own.</summary>
    protected virtual Task<string> CreateDatabaseAsync() => PostgresTestServer.CreateDatabaseAsync();

    /// <summary>A unit of work over this database, as the API would create one per request.</summary>
    public DbSession CreateSession(params IAfterCommitReconciler[] reconcilers) => new(DataSource,
        new ConflictRetry(Options.Create(new DatabaseFaultOptions()), NullLogger<ConflictRetry>.Instance), reconcilers,
        NullLogger<DbSession>.Instance);

    /// <summary>Runs SQL with parameters, for arranging rows a test needs.</summary>
    public async Task ExecuteAsync(string sql, object? parameters = null)
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        await Dapper.SqlMapper.ExecuteAsync(connection, sql, parameters);
    }
}
