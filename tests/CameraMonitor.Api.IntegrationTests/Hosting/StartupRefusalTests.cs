using System.Diagnostics;
using CameraMonitor.Api.Security;
using CameraMonitor.Testing;
using Npgsql;

namespace CameraMonitor.Api.IntegrationTests.Hosting;

/// <summary>
/// The built service started as its own process: every refusal is one line on stderr and exit code 1, and it comes
/// before any migration or write (the database it was given stays empty).
/// </summary>
public sealed class StartupRefusalTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Start_InProductionWithoutAConnectionString_RefusesWithOneLineAndExitCode1()
    {
        var (exitCode, stderr) = await RunServiceAsync(new Dictionary<string, string?>
        {
            ["ConnectionStrings__Postgres"] = null,
        });

        Assert.Equal(1, exitCode);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("ConnectionStrings:Postgres", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Rollout__DefaultPercentage", "500", "Percentage")]
    [InlineData("Auth__ApiKeys__0__Key", DevelopmentKeys.Admin, "development key")]
    public async Task Start_InProductionWithInvalidOptions_RefusesBeforeAnyMigration(string key, string value, string reason)
    {
        var connectionString = await PostgresTestServer.CreateDatabaseAsync(migrate: false);

        var (exitCode, stderr) = await RunServiceAsync(new Dictionary<string, string?>
        {
            ["ConnectionStrings__Postgres"] = connectionString,
            [key] = value,
            ["Auth__ApiKeys__0__Owner"] = "someone",
            ["Auth__ApiKeys__0__Roles__0"] = ApiRoles.Viewer,
        });

        Assert.Equal(1, exitCode);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(reason, line, StringComparison.OrdinalIgnoreCase);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var tables = new NpgsqlCommand("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'", connection);
        Assert.Equal(0L, (long)(await tables.ExecuteScalarAsync())!);
    }

    private static async Task<(int ExitCode, string Stderr)> RunServiceAsync(Dictionary<string, string?> environment)
    {
        var assembly = typeof(Program).Assembly.Location;
        var start = new ProcessStartInfo("dotnet", [assembly])
        {
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        using var bound = new CancellationTokenSource(Bound);
        try
        {
            await process.WaitForExitAsync(bound.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"the service did not exit within {Bound}: it started instead of refusing");
        }

        return (process.ExitCode, await stderr);
    }
}
