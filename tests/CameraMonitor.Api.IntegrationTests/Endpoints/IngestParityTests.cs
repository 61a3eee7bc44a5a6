using CameraMonitor.Api.IntegrationTests.Infrastructure;
using Dapper;
using static CameraMonitor.Api.IntegrationTests.Endpoints.IngestRequests;

namespace CameraMonitor.Api.IntegrationTests.Endpoints;

/// <summary>
/// Write parity of ingest. Generated ids depend on what a database has seen, so each path ingests into its
/// own freshly seeded database: then the ids are comparable too, and the whole response, every row written
/// (records, violations, alerts, rollups, idempotency keys; all columns including ids) must be equal.
/// </summary>
public sealed class IngestParityTests : PathPairTest<IngestFixture>
{
    private static readonly DateTime Start = new(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc);

    private static readonly string[] Tables =
    [
        "SELECT json_agg(t ORDER BY id) FROM detection_records t",
        "SELECT json_agg(t ORDER BY id) FROM violations t",
        "SELECT json_agg(t ORDER BY id) FROM alerts t",
        "SELECT json_agg(t ORDER BY camera_id, hour) FROM detection_hourly_rollups t",
        "SELECT json_agg(t ORDER BY camera_id, hour, violation_type, status) FROM violation_hourly_rollups t",
        "SELECT json_agg(t ORDER BY endpoint, key) FROM idempotency_keys t",
    ];

    [Fact]
    public async Task Ingest_TheSameBatchesOnEachPath_AnswerAndWriteTheSame()
    {
        var domainBodies = await IngestAllAsync(Domain, forceDomain: true);
        var legacyBodies = await IngestAllAsync(Legacy, forceDomain: false);

        Assert.Equal(domainBodies, legacyBodies);
        HttpAssertions.MatchSharedSnapshot(domainBodies[0], "first_batch");
        foreach (var table in Tables)
        {
            var domainRows = await DumpAsync(Domain, table);
            Assert.False(string.IsNullOrEmpty(domainRows), $"nothing written for: {table}");
            Assert.Equal(domainRows, await DumpAsync(Legacy, table));
        }
    }

    /// <summary>Three batches: records with violations that breach the parity_a rule, a second camera, and a keyed retry.</summary>
    private static async Task<List<string>> IngestAllAsync(ApiFixture api, bool forceDomain)
    {
        var batches = new (object Body, string? Key)[]
        {
            (Batch("parity_a", 6, Start), "parity-1"),
            (new[] { Record("parity_b", Start.AddMinutes(3), 2, "smoking", 0.3), Record("parity_a", Start.AddMinutes(7), 3) }, null),
            (Batch("parity_a", 6, Start), "parity-1"),
        };
        var bodies = new List<string>();
        foreach (var (body, key) in batches)
        {
            using var response = await PostAsync(api.Client, body, forceDomain, key);
            Assert.Equal(forceDomain ? "domain" : "legacy", response.ServedBy());
            await IdsAsync(response);
            bodies.Add(await response.Content.ReadAsStringAsync());
        }

        return bodies;
    }

    private static async Task<string?> DumpAsync(ApiFixture api, string sql)
    {
        await using var connection = await api.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<string?>(sql);
    }
}
