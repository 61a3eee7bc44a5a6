using CameraMonitor.Application.Rollout.Parity;
using Npgsql;

namespace CameraMonitor.Infrastructure.Persistence;

/// <summary>
/// The connections shadow work runs on: parity comparisons and dark-launch shadows, in the scopes of
/// <see cref="ShadowScope"/>, whose session switches to them (<see cref="IShadowConnections"/>). Built from the same
/// connection string as the requests' pool, with three differences:
/// <list type="bullet">
/// <item>PostgreSQL's parallel query is off (max_parallel_workers_per_gather=0): a shadow query keeps at most one core
/// busy, so the shadow budget, which charges a comparison's wall time, charges what it costs the machine. The summary's
/// legacy scan over 2 M raw rows gets a plan with two parallel workers: 385 ms of wall time on every core of a two-core
/// machine, where it takes 680 ms on one without (docs/operations.md, "Parity sampling").</item>
/// <item>A pool of its own, sized to the shadows that can run at once: shadows never take the connections requests wait for.</item>
/// <item>application_name is the requests' with "-shadow" appended, so pg_stat_activity tells shadow queries apart.</item>
/// </list>
/// </summary>
public sealed class ShadowDataSource(NpgsqlDataSource dataSource) : IAsyncDisposable, IDisposable
{
    public const string ApplicationNameSuffix = "-shadow";
    private const string DefaultApplicationName = "cameramonitor";
    private const string NoParallelQuery = "-c max_parallel_workers_per_gather=0";

    public NpgsqlDataSource DataSource { get; } = dataSource;

    /// <param name="connectionString">The requests' connection string.</param>
    /// <param name="maxConnections">Shadows that can run at once (the parity workers and the dark-launch shadows in flight).</param>
    public static ShadowDataSource Build(string connectionString, int maxConnections)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        settings.ApplicationName = (string.IsNullOrEmpty(settings.ApplicationName) ? DefaultApplicationName : settings.ApplicationName)
            + ApplicationNameSuffix;
        settings.Options = string.IsNullOrWhiteSpace(settings.Options) ? NoParallelQuery : $"{settings.Options} {NoParallelQuery}";
        settings.MaxPoolSize = maxConnections;
        settings.MinPoolSize = 0;
        return new ShadowDataSource(new NpgsqlDataSourceBuilder(settings.ConnectionString).Build());
    }

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();

    public void Dispose() => DataSource.Dispose();
}
