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
}
