using CameraMonitor.Testing;
using Dapper;

namespace CameraMonitor.Api.IntegrationTests.Statistics;

/// <summary>Compares the incrementally kept rollups (hourly and daily) with a full recount by rebuild_hourly_rollups().</summary>
public static class RollupAssertions
{
    private const string ReadRollupsSql = """
        SELECT camera_id || '|' || to_char(hour AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24') || '|' || violation_type
               || '|' || status || '|' || violation_count || '|' || round(confidence_sum::numeric, 6)
          FROM violation_hourly_rollups
        UNION ALL
        SELECT camera_id || '|' || to_char(day AT TIME ZONE 'UTC', 'YYYY-MM-DD') || '|' || violation_type
               || '|' || status || '|' || violation_count || '|' || round(confidence_sum::numeric, 6)
          FROM violation_daily_rollups
         ORDER BY 1
        """;

    public static async Task<IReadOnlyList<string>> ReadViolationRollupsAsync(this DatabaseFixture database)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        return (await connection.QueryAsync<string>(ReadRollupsSql)).ToList();
    }

    /// <summary>Snapshot, rebuild from raw rows, snapshot again: the two must be equal.</summary>
    public static async Task AssertViolationRollupsEqualRecountAsync(this DatabaseFixture database)
    {
        var kept = await database.ReadViolationRollupsAsync();
        await database.ExecuteAsync("SELECT rebuild_hourly_rollups()");
        var recounted = await database.ReadViolationRollupsAsync();

        Assert.NotEmpty(recounted);
        Assert.Equal(recounted, kept);
    }

    /// <summary>
    /// Recomputes every rollup table (hourly and daily, with first detections and processing_ms histograms) with
    /// rebuild_hourly_rollups() inside a transaction that is rolled back, and counts the rows that differ from the
    /// incrementally maintained ones (float sums compared to 1e-6).
    /// </summary>
    public static async Task<long> CountRollupDifferencesFromRecountAsync(this DatabaseFixture database)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        string[] tables =
        [
            """
            SELECT camera_id, hour, detection_count, person_count_sum, round(processing_ms_sum::numeric, 6), violation_count_sum,
                   last_detected_at, first_detected_at, processing_ms_histogram FROM detection_hourly_rollups
            """,
            """
            SELECT camera_id, hour, violation_type, status, violation_count, round(confidence_sum::numeric, 6)
              FROM violation_hourly_rollups
            """,
            """
            SELECT camera_id, day, detection_count, person_count_sum, round(processing_ms_sum::numeric, 6), violation_count_sum,
                   last_detected_at, first_detected_at, processing_ms_histogram FROM detection_daily_rollups
            """,
            """
            SELECT camera_id, day, violation_type, status, violation_count, round(confidence_sum::numeric, 6)
              FROM violation_daily_rollups
            """,
        ];
        for (var i = 0; i < tables.Length; i++)
        {
            await connection.ExecuteAsync($"CREATE TEMP TABLE incremental_{i} ON COMMIT DROP AS {tables[i]}", transaction: transaction);
        }

        await connection.ExecuteAsync("SELECT rebuild_hourly_rollups()", transaction: transaction);
        long rows = 0;
        for (var i = 0; i < tables.Length; i++)
        {
            rows += await connection.ExecuteScalarAsync<long>($"""
                SELECT (SELECT count(*) FROM (SELECT * FROM incremental_{i} EXCEPT {tables[i]}) a)
                     + (SELECT count(*) FROM ({tables[i]} EXCEPT SELECT * FROM incremental_{i}) b)
                """, transaction: transaction);
        }

        var rolledUp = await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM incremental_2", transaction: transaction);
        await transaction.RollbackAsync();
        Assert.True(rolledUp > 0, "nothing was rolled up: the test wrote no detections");
        return rows;
    }
}
