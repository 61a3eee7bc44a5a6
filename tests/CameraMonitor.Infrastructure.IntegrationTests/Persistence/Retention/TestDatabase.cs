using CameraMonitor.Infrastructure.Persistence;
using CameraMonitor.Infrastructure.Persistence.Retention;
using CameraMonitor.Testing;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace CameraMonitor.Infrastructure.IntegrationTests.Persistence.Retention;

/// <summary>
/// A freshly migrated database of one test's own, with helpers to write a detection (and one violation of it) at a
/// given time and to see where rows went. <see cref="FirstDay"/> is the first daily partition migration 0016 made.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly DatabaseFixture _fixture;

    private TestDatabase(DatabaseFixture fixture, DateTime firstDay)
    {
        _fixture = fixture;
        FirstDay = firstDay;
    }

    public DateTime FirstDay { get; }

    public NpgsqlDataSource DataSource => _fixture.DataSource;

    public static async Task<TestDatabase> CreateAsync()
    {
        DefaultTypeMap.MatchNamesWithUnderscores = true; // as the application sets it
        var fixture = new DatabaseFixture();
        await fixture.InitializeAsync();
        await using var connection = await fixture.DataSource.OpenConnectionAsync();
        var firstDay = await connection.ExecuteScalarAsync<DateTime>(
            "SELECT upper_bound FROM partition_bounds('detection_records') WHERE partition_name = 'detection_records_pre_partitioning'");
        return new TestDatabase(fixture, DateTime.SpecifyKind(firstDay, DateTimeKind.Utc));
    }

    public DbSession CreateSession() => _fixture.CreateSession();

    public PartitionMaintainer Maintainer(DateTime now, RetentionOptions options) => new(DataSource,
        new FakeTimeProvider(new DateTimeOffset(now, TimeSpan.Zero)), Options.Create(options),
        new RetentionMetrics(new PlainMeterFactory()), NullLogger<PartitionMaintainer>.Instance);

    /// <summary>Writes a detection at <paramref name="detectedAt"/> with one violation; returns the detection's id.</summary>
    public Task<long> InsertAsync(DateTime detectedAt) => ScalarAsync<long>("""
        WITH d AS (INSERT INTO detection_records (camera_id, detected_at, person_count, processing_ms, violation_count)
                   VALUES ('retention', @DetectedAt, 1, 3.5, 1) RETURNING id, detected_at)
        INSERT INTO violations (camera_id, detection_id, violation_type, confidence, detected_at)
        SELECT 'retention', id, 'no_helmet', 0.8, detected_at FROM d
        RETURNING detection_id
        """, new { DetectedAt = detectedAt });

    /// <summary>The ids in <paramref name="table"/> (or its <paramref name="column"/>), ascending.</summary>
    public async Task<long[]> IdsAsync(string table, string column = "id") =>
        (await QueryAsync<long>($"SELECT {column} FROM {table} ORDER BY {column}")).ToArray();

    /// <summary>The partition that holds the row whose <paramref name="column"/> is <paramref name="id"/>.</summary>
    public Task<string> PartitionOfAsync(string table, long id, string column = "id") =>
        ScalarAsync<string>($"SELECT tableoid::regclass::text FROM {table} WHERE {column} = @Id", new { Id = id });

    public async Task<T> ScalarAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        return (await connection.ExecuteScalarAsync<T>(sql, parameters))!;
    }

    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        return (await connection.QueryAsync<T>(sql, parameters)).ToList();
    }

    public Task ExecuteAsync(string sql, object? parameters = null) => _fixture.ExecuteAsync(sql, parameters);

    public async ValueTask DisposeAsync() => await _fixture.DisposeAsync();
}
