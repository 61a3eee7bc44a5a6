using CameraMonitor.Infrastructure.Persistence;
using CameraMonitor.Testing;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace CameraMonitor.Infrastructure.IntegrationTests.Persistence;

public sealed class MigrationRunnerTests
{
    private static readonly string[] ExpectedTables =
        ["alert_rules", "alerts", "cameras", "detection_records", "rollout_audit", "rollout_overrides", "violations"];

    [Fact]
    public async Task Migrate_WhenRunTwice_SucceedsAndAppliesEachScriptOnce()
    {
        var connectionString = await PostgresTestServer.CreateDatabaseAsync(migrate: false);
        var runner = new MigrationRunner(NullLogger<MigrationRunner>.Instance);

        await runner.MigrateAsync(connectionString, CancellationToken.None);
        var journalAfterFirst = await JournalAsync(connectionString);
        await runner.MigrateAsync(connectionString, CancellationToken.None);

        Assert.NotEmpty(journalAfterFirst);
        Assert.Equal(journalAfterFirst, await JournalAsync(connectionString));
        Assert.Subset((await TablesAsync(connectionString)).ToHashSet(), ExpectedTables.ToHashSet());
    }

    [Fact]
    public async Task Migrate_WhenFourInstancesStartAtOnce_AllSucceedAndTheSchemaIsAppliedOnce()
    {
        var connectionString = await PostgresTestServer.CreateDatabaseAsync(migrate: false);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
            new MigrationRunner(NullLogger<MigrationRunner>.Instance).MigrateAsync(connectionString, CancellationToken.None))));

        var journal = await JournalAsync(connectionString);
        Assert.Equal(journal.Distinct().Count(), journal.Count);
    }

    private static async Task<List<string>> JournalAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        return (await connection.QueryAsync<string>("SELECT scriptname FROM schemaversions ORDER BY schemaversionsid")).ToList();
    }

    private static async Task<List<string>> TablesAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        return (await connection.QueryAsync<string>(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")).ToList();
    }
}
