using System.Net;
using CameraMonitor.Api.IntegrationTests.Endpoints;
using CameraMonitor.Api.IntegrationTests.Infrastructure;
using CameraMonitor.Domain.Violations;
using Dapper;

namespace CameraMonitor.Api.IntegrationTests.Statistics;

/// <summary>
/// Issue 5's property: after any interleaving of ingests and violation status changes, on either path, both
/// hourly rollup tables equal a full recount from the raw rows. Each seed is a different random history.
/// </summary>
public sealed class RollupRecountPropertyTests(RollupRecountPropertyTests.Fixture api)
    : IClassFixture<RollupRecountPropertyTests.Fixture>
{
    private static readonly string[] Cameras = ["prop_a", "prop_b", "prop_c"];
    private static readonly string[] Types = ["no_mask", "no_gloves", "smoking"];

    [Theory]
    [InlineData(11)]
    [InlineData(23)]
    [InlineData(47)]
    public async Task RandomIngestsAndStatusChanges_OnBothPaths_LeaveRollupsEqualToARecount(int seed)
    {
        var random = new Random(seed);
        for (var step = 0; step < 16; step++)
        {
            if (step % 3 == 0 || !await HasViolationsAsync())
            {
                await IngestRandomBatchAsync(random);
            }
            else
            {
                await ChangeRandomViolationAsync(random);
            }
        }

        Assert.Equal(0, await api.CountRollupDifferencesFromRecountAsync());
    }

    private async Task IngestRandomBatchAsync(Random random)
    {
        var start = ApiFixture.Now.UtcDateTime.AddHours(-random.Next(1, 72));
        var records = Enumerable.Range(0, random.Next(1, 25)).Select(_ =>
        {
            var camera = Cameras[random.Next(Cameras.Length)];
            var at = start.AddMinutes(random.Next(0, 180)).AddTicks(random.Next(0, 1_000_000) * 10);
            return IngestRequests.Record(camera, at, violations: random.Next(0, 4),
                violationType: Types[random.Next(Types.Length)], confidence: Math.Round(random.NextDouble(), 3));
        }).ToList();

        using var response = await IngestRequests.PostAsync(api.Client, records, forceDomain: random.Next(2) == 0);
        Assert.Equal(records.Count, (await IngestRequests.IdsAsync(response)).Length);
    }

    private async Task ChangeRandomViolationAsync(Random random)
    {
        await using var connection = await api.DataSource.OpenConnectionAsync();
        var violations = (await connection.QueryAsync<(long Id, string Status)>(
            "SELECT id, status FROM violations ORDER BY id")).ToList();
        var (id, status) = violations[random.Next(violations.Count)];
        var from = ViolationStatusNames.Parse(status);
        var allowed = Enum.GetValues<ViolationStatus>().Where(to => ViolationTransitions.IsAllowed(from, to)).ToList();
        var to = allowed[random.Next(allowed.Count)].ToName();
        var path = random.Next(2) == 0 ? "true" : "false";

        using var response = await api.Client.PutAsync(
            $"/api/v1/records/violations/{id}/status?status={to}&handled_by=prop&force_domain={path}", null);

        Assert.True(response.StatusCode == HttpStatusCode.OK,
            $"{status} → {to} on violation {id}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private async Task<bool> HasViolationsAsync() =>
        await IngestRequests.CountAsync(api, "SELECT count(*) FROM violations") > 0;

    /// <summary>A fresh database with only the three cameras this property writes to.</summary>
    public sealed class Fixture : ApiFixture
    {
        protected override async Task SeedAsync()
        {
            foreach (var camera in Cameras)
            {
                await ExecuteAsync("""
                    INSERT INTO cameras (id, name, source_url, created_at, updated_at)
                    VALUES (@camera, @camera, 'rtsp://127.0.0.1/' || @camera, '2026-10-01T00:00:00Z', '2026-10-01T00:00:00Z')
                    """, new { camera });
            }
        }
    }
}
