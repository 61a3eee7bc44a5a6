using CameraMonitor.Domain.Alerts;
using CameraMonitor.Infrastructure.Persistence.DemoData;
using CameraMonitor.Infrastructure.Persistence.Repositories;
using CameraMonitor.Testing;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CameraMonitor.Infrastructure.IntegrationTests.Alerts;

/// <summary>The demo loader fills the alert tables with rows the domain model accepts, once.</summary>
public sealed class DemoDataSeederAlertsTests : IClassFixture<DatabaseFixture>
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);
    private readonly DatabaseFixture _database;

    public DemoDataSeederAlertsTests(DatabaseFixture database)
    {
        _database = database;
        DefaultTypeMap.MatchNamesWithUnderscores = true; // as AddInfrastructure sets it for the application
    }

    [Fact]
    public async Task Seed_TwiceOnAnEmptyDatabase_LoadsEnabledAndDisabledRulesAndTheirAlertsOnce()
    {
        var seeder = new DemoDataSeeder(_database.DataSource, new FakeTimeProvider(Now), NullLogger<DemoDataSeeder>.Instance);

        await seeder.SeedAsync(CancellationToken.None);
        var firstAlerts = await CountAsync("SELECT count(*) FROM alerts");
        await seeder.SeedAsync(CancellationToken.None);

        Assert.Equal(firstAlerts, await CountAsync("SELECT count(*) FROM alerts"));
        Assert.True(firstAlerts > 0, "no alerts were seeded");
        Assert.True(await CountAsync("SELECT count(*) FROM alert_rules WHERE enabled") > 0);
        Assert.True(await CountAsync("SELECT count(*) FROM alert_rules WHERE NOT enabled") > 0);
        Assert.True(await CountAsync("SELECT count(*) FROM alerts WHERE acknowledged_at IS NOT NULL") > 0);
        Assert.Equal(3, await CountAsync("SELECT count(DISTINCT severity) FROM alert_rules"));

        // Every seeded row must load through the aggregates' invariants (the domain path reads them).
        await using var connection = await _database.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var session = new TestSession(connection, transaction);
        var rules = await new AlertRuleRepository(session).ListAsync(null, CancellationToken.None);
        var alerts = await new AlertRepository(session).ListAsync(new AlertFilter(null, null, null, null, 1000), CancellationToken.None);
        Assert.Equal(await CountAsync("SELECT count(*) FROM alert_rules"), rules.Count);
        Assert.Equal(Math.Min(firstAlerts, 1000), alerts.Count);
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = await _database.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>(sql);
    }

    private sealed class TestSession(Npgsql.NpgsqlConnection connection, Npgsql.NpgsqlTransaction transaction)
        : CameraMonitor.Infrastructure.Persistence.IDbSession
    {
        public Npgsql.NpgsqlTransaction? Transaction => transaction;

        public ValueTask<Npgsql.NpgsqlConnection> ConnectionAsync(CancellationToken cancellationToken) => ValueTask.FromResult(connection);

        public void BeforeCommit(Func<CancellationToken, Task> action) =>
            throw new NotSupportedException("These tests only read.");
    }
}
