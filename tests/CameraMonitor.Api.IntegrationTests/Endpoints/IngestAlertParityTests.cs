using CameraMonitor.Api.IntegrationTests.Infrastructure;
using Dapper;
using static CameraMonitor.Api.IntegrationTests.Endpoints.IngestRequests;

namespace CameraMonitor.Api.IntegrationTests.Endpoints;

/// <summary>
/// The domain path's alert evaluation (counts per rule and camera in one round trip, judged by AlertRule) and the
/// legacy path's (one INSERT … SELECT) must raise the same alerts. Each path ingests the same seeded random batches
/// into its own fresh database; the alerts tables must be equal, row for row in id order. Not the ids themselves: the
/// legacy script's INSERT … ON CONFLICT DO NOTHING draws an id from the sequence for an alert its window already holds,
/// while the domain path does not try to store it (it skips counting windows that already alerted). Record times fall on whole minutes
/// (window edges: a violation exactly one window before the newest record is outside), a microsecond either side of
/// them, or anywhere; batches carry late records and several cameras.
/// </summary>
public sealed class IngestAlertParityTests : PathPairTest<AlertParityFixture>
{
    private static readonly DateTime Start = new(2026, 11, 20, 10, 0, 0, DateTimeKind.Utc); // aligned to every window
    private static readonly string[] Types = ["no_mask", "no_mask", "smoking", "intrusion"];

    [Fact]
    public async Task Ingest_TheSameRandomBatchesOnEachPath_RaiseTheSameAlerts()
    {
        for (var seed = 1; seed <= 5; seed++)
        {
            foreach (var batch in Batches(seed, Start.AddDays(seed)))
            {
                using var domain = await PostAsync(Domain.Client, batch, forceDomain: true);
                using var legacy = await PostAsync(Legacy.Client, batch, forceDomain: false);
                Assert.Equal(await IdsAsync(domain), await IdsAsync(legacy));
                Assert.Equal(("domain", "legacy"), (domain.ServedBy(), legacy.ServedBy()));
            }
        }

        var domainAlerts = await AlertsAsync(Domain);
        Assert.Equal(domainAlerts, await AlertsAsync(Legacy));
        var fired = await RulesThatFiredAsync(Domain);
        Assert.Equal(5, fired.Count); // every enabled rule, typed and untyped, fired somewhere
        Assert.DoesNotContain(AlertParityFixture.DisabledRule, fired);
    }

    /// <summary>Eight batches of 1 to 40 records over ~40 minutes, in time order except for late records.</summary>
    private static List<List<Dictionary<string, object?>>> Batches(int seed, DateTime start)
    {
        var random = new Random(seed);
        var batches = new List<List<Dictionary<string, object?>>>();
        for (var b = 0; b < 8; b++)
        {
            var batch = new List<Dictionary<string, object?>>();
            for (var i = random.Next(1, 41); i > 0; i--)
            {
                var minute = Math.Max(0, b * 5 + random.Next(-6, 6)); // late records reach back into earlier windows
                var at = start.AddMinutes(minute);
                at = random.Next(3) switch
                {
                    0 => at, // on a window edge
                    1 => at.AddTicks(random.Next(2) == 0 ? -10 : 10), // a microsecond either side
                    _ => at.AddSeconds(random.NextDouble() * 60),
                };
                var camera = AlertParityFixture.Cameras[random.Next(AlertParityFixture.Cameras.Length)];
                var record = Record(camera, at, violations: random.Next(0, 3), violationType: Types[random.Next(Types.Length)]);
                batch.Add(record);
            }

            batches.Add(batch);
        }

        return batches;
    }

    private static async Task<string?> AlertsAsync(ApiFixture api)
    {
        await using var connection = await api.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<string?>(
            "SELECT json_agg(to_jsonb(a) - 'id' ORDER BY id) FROM alerts a");
    }

    private static async Task<List<string>> RulesThatFiredAsync(ApiFixture api)
    {
        await using var connection = await api.DataSource.OpenConnectionAsync();
        return (await connection.QueryAsync<string>(
            "SELECT DISTINCT r.name FROM alerts a JOIN alert_rules r ON r.id = a.rule_id")).ToList();
    }
}
