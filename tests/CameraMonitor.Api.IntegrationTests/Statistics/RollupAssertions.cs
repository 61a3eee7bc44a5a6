using CameraMonitor.Testing;
using Dapper;

namespace CameraMonitor.Api.IntegrationTests.Statistics;

/// <summary>Compares the incrementally kept violation rollups with a full recount by rebuild_hourly_rollups().</summary>
public static class RollupAssertions
{
    private const string ReadRollupsSql = """
        SELECT camera_id || '|' || to_char(hour AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24') || '|' || violation_type
               || '|' || status || '|' || violation_count || '|' || round(confidence_sum::numeric, 6)
          FROM violation_hourly_rollups
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
    /// Recomputes both rollup tables with rebuild_hourly_rollups() inside a transaction that is rolled back,
    /// and counts the rows that differ from the incrementally maintained ones (float sums compared to 1e-6).
    /// </summary>
    public static async Task<long> CountRollupDifferencesFromRecountAsync(this DatabaseFixture database)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        const string detections = """
            SELECT camera_id, hour, detection_count, person_count_sum, round(processing_ms_sum::numeric, 6), violation_count_sum,
                   last_detected_at FROM detection_hourly_rollups
            """;
        const string violations = """
            SELECT camera_id, hour, violation_type, status, violation_count, round(confidence_sum::numeric, 6)
              FROM violation_hourly_rollups
            """;
        await connection.ExecuteAsync($"""
            CREATE TEMP TABLE incremental_d ON COMMIT DROP AS {detections};
            CREATE TEMP TABLE incremental_v ON COMMIT DROP AS {violations};
            SELECT rebuild_hourly_rollups();
            """, transaction: transaction);
        var rows = await connection.ExecuteScalarAsync<long>($"""
            SELECT (SELECT count(*) FROM (SELECT * FROM incremental_d EXCEPT {detections}) a)
                 + (SELECT count(*) FROM ({detections} EXCEPT SELECT * FROM incremental_d) b)
                 + (SELECT count(*) FROM (SELECT * FROM incremental_v EXCEPT {violations}) c)
                 + (SELECT count(*) FROM ({violations} EXCEPT SELECT * FROM incremental_v) d)
            """, transaction: transaction);
        var rolledUp = await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM incremental_d", transaction: transaction);
        await transaction.RollbackAsync();
        Assert.True(rolledUp > 0, "nothing was rolled up: the test wrote no detections");
        return rows;
    }
}
