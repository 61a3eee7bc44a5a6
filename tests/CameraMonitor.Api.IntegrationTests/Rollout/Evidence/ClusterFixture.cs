using CameraMonitor.Api.IntegrationTests.Infrastructure;
using CameraMonitor.Testing;
using Npgsql;

namespace CameraMonitor.Api.IntegrationTests.Rollout.Evidence;

/// <summary>
/// Three real API processes on loopback sharing one fresh database, publishing evidence every
/// <see cref="PublishIntervalSeconds"/> s: <see cref="Judge"/> evaluates rollout plans; <see cref="Broken"/> does not, and
/// connects as a role that may not read detection_hourly_rollups, so the domain path of the statistics summary fails on
/// it alone (legacy reads the raw tables and answers); <see cref="Victim"/> is there to be killed.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public const double PublishIntervalSeconds = 1;

    private string _role = "";

    public string ConnectionString { get; private set; } = "";

    public ApiProcess Judge { get; private set; } = null!;

    public ApiProcess Broken { get; private set; } = null!;

    public ApiProcess Victim { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        ConnectionString = await PostgresTestServer.CreateDatabaseAsync();
        _role = "limited_" + Guid.NewGuid().ToString("N")[..12];
        await ExecuteAsync($"""
            CREATE ROLE {_role} LOGIN PASSWORD 'limited';
            GRANT USAGE ON SCHEMA public TO {_role};
            GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {_role};
            GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {_role};
            REVOKE SELECT ON detection_hourly_rollups FROM {_role};
            """);
        // Small pools that give idle connections back quickly: three processes must not eat the test server's
        // connection limit, which every other test class of the run shares.
        var full = new NpgsqlConnectionStringBuilder(ConnectionString)
        {
            MaxPoolSize = 8,
            ConnectionIdleLifetime = 2,
            ConnectionPruningInterval = 1,
        };
        var limited = new NpgsqlConnectionStringBuilder(full.ConnectionString) { Username = _role, Password = "limited" }.ConnectionString;
        var evidence = new Dictionary<string, string>
        {
            ["Rollout__Evidence__PublishIntervalSeconds"] = PublishIntervalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Rollout__RefreshIntervalSeconds"] = "1",
            // The summary here is only an endpoint whose domain path fails on one instance: each failure should be one domain
            // attempt, not a snapshot refresh on another connection (slower under load, which shifted the judge's verdict
            // from "at once" to "after 2 failing evaluations"). Snapshot failures are StatisticsSnapshotTests' subject.
            ["Snapshots__Enabled"] = "false",
        };
        var starts = new[]
        {
            ApiProcess.StartAsync("judge", full.ConnectionString, With(evidence, ("Rollout__Plans__EvaluationIntervalSeconds", "1"))),
            ApiProcess.StartAsync("broken", limited, With(evidence, ("Rollout__Plans__EvaluationIntervalSeconds", "0"))),
            ApiProcess.StartAsync("victim", full.ConnectionString, With(evidence, ("Rollout__Plans__EvaluationIntervalSeconds", "0"))),
        };
        try
        {
            var started = await Task.WhenAll(starts);
            (Judge, Broken, Victim) = (started[0], started[1], started[2]);
        }
        catch
        {
            foreach (var start in starts.Where(s => s.IsCompletedSuccessfully))
            {
                await start.Result.DisposeAsync();
            }

            throw;
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var process in new[] { Judge, Broken, Victim }.Where(p => p is not null))
        {
            await process.DisposeAsync();
        }
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static Dictionary<string, string> With(Dictionary<string, string> settings, params (string Key, string Value)[] more)
    {
        var all = new Dictionary<string, string>(settings);
        foreach (var (key, value) in more)
        {
            all[key] = value;
        }

        return all;
    }
}
