using System.Net;
using System.Text;
using CameraMonitor.Api.IntegrationTests.Infrastructure;
using CameraMonitor.Api.IntegrationTests.Statistics;
using CameraMonitor.Api.Security;
using CameraMonitor.Domain.Alerts;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using static CameraMonitor.Api.IntegrationTests.Endpoints.IngestRequests;

namespace CameraMonitor.Api.IntegrationTests.Endpoints;

/// <summary>POST /api/v1/records/detection-records on both paths against real PostgreSQL.</summary>
public sealed class IngestTests(IngestFixture api) : IClassFixture<IngestFixture>
{
    private static readonly DateTime Start = new(2026, 11, 20, 8, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(true, "single_d")]
    [InlineData(false, "single_l")]
    public async Task Ingest_OneRecordObject_Answers201WithItsIdAndStoresItWithPendingViolations(bool forceDomain, string camera)
    {
        using var response = await PostAsync(api.Client, Record(camera, Start.AddTicks(1234567), violations: 2), forceDomain);

        var ids = await IdsAsync(response);
        Assert.Equal(forceDomain ? "domain" : "legacy", response.ServedBy());
        var id = Assert.Single(ids);
        await using var connection = await api.DataSource.OpenConnectionAsync();
        var record = await connection.QuerySingleAsync<(string, DateTime, int, string, double, int)>(
            "SELECT camera_id, detected_at, person_count, objects::text, processing_ms, violation_count FROM detection_records WHERE id = @id",
            new { id });
        Assert.Equal((camera, Start.AddTicks(1234560), 2, 17.25, 2), (record.Item1, record.Item2, record.Item3, record.Item5, record.Item6));
        Assert.Equal("""[{"bbox": [10, 20, 110, 220.5], "class": "person", "confidence": 0.75}]""", record.Item4);
        var violations = (await connection.QueryAsync<(string, long, string, DateTime, string)>(
            "SELECT status, detection_id, violation_type, detected_at, snapshot_path FROM violations WHERE camera_id = @camera ORDER BY id",
            new { camera })).ToList();
        Assert.Equal(2, violations.Count);
        Assert.All(violations, v => Assert.Equal(("pending", id, "no_mask", record.Item2), (v.Item1, v.Item2, v.Item3, v.Item4)));
        Assert.Equal($"snap/{camera}/1.jpg", violations[1].Item5);
        Assert.Equal(1, await RolledUpDetectionsOfAsync(api, camera));
    }

    [Theory]
    [InlineData(true, "bad999_d")]
    [InlineData(false, "bad999_l")]
    public async Task Ingest_BatchOf1000WithABadItemAt999_Answers400NamingItAndStoresNothing(bool forceDomain, string camera)
    {
        var batch = Batch(camera, 1000, Start);
        batch[999] = Record(camera, Start, violations: 1, confidence: 1.5);

        using var response = await PostAsync(api.Client, batch, forceDomain, idempotencyKey: "bad-" + camera);

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("items[999].violations[0].confidence", out _), errors.ToString());
        Assert.Single(errors.EnumerateObject());
        Assert.Equal(0, await RecordsOfAsync(api, camera));
        Assert.Equal(0, await ViolationsOfAsync(api, camera));
        Assert.Equal(0, await RolledUpDetectionsOfAsync(api, camera));
        Assert.Equal(0, await CountAsync(api, "SELECT count(*) FROM idempotency_keys WHERE key LIKE '%' || @key", new { key = "bad-" + camera }));
    }

    [Theory]
    [InlineData(true, "unknown_d")]
    [InlineData(false, "unknown_l")]
    public async Task Ingest_WhenOneItemNamesAnUnknownCamera_Answers400NamingItAndStoresNothing(bool forceDomain, string camera)
    {
        var batch = Batch(camera, 20, Start);
        batch[5] = Record("no_such_cam", Start, violations: 1);
        batch[7] = Record("no_such_cam", Start);

        using var response = await PostAsync(api.Client, batch, forceDomain);

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        var error = Assert.Single(problem.GetProperty("errors").EnumerateObject());
        Assert.Equal("items[5].camera_id", error.Name);
        Assert.Contains("no_such_cam", error.Value.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, await RecordsOfAsync(api, camera));
        Assert.Equal(0, await RecordsOfAsync(api, "no_such_cam"));
        Assert.Equal(0, await ViolationsOfAsync(api, camera));
    }

    [Fact]
    public async Task Ingest_TenConcurrentBatchesOf1000OnBothPaths_StoreExactly10000()
    {
        var posts = Enumerable.Range(0, 10).Select(async i =>
        {
            using var response = await PostAsync(api.Client, Batch("bulk", 1000, Start.AddDays(-i)), forceDomain: i % 2 == 0);
            return await IdsAsync(response);
        });

        var ids = (await Task.WhenAll(posts)).SelectMany(x => x).ToList();

        Assert.Equal(10_000, ids.Distinct().Count());
        Assert.Equal(10_000, await RecordsOfAsync(api, "bulk"));
        Assert.Equal(5_000, await ViolationsOfAsync(api, "bulk"));
        Assert.Equal(10_000, await RolledUpDetectionsOfAsync(api, "bulk"));
    }

    [Theory]
    [InlineData(true, "replay_d")]
    [InlineData(false, "replay_l")]
    public async Task Ingest_RetriedWithTheSameIdempotencyKey_AnswersTheFirstIdsAndStoresOnce(bool forceDomain, string camera)
    {
        var batch = Batch(camera, 30, Start);
        using var first = await PostAsync(api.Client, batch, forceDomain, idempotencyKey: "key-" + camera);
        var firstIds = await IdsAsync(first);

        using var retry = await PostAsync(api.Client, batch, forceDomain, idempotencyKey: "key-" + camera);
        using var otherPath = await PostAsync(api.Client, batch, !forceDomain, idempotencyKey: "key-" + camera);

        Assert.Equal(firstIds, await IdsAsync(retry));
        Assert.Equal(firstIds, await IdsAsync(otherPath));
        Assert.Equal(30, await RecordsOfAsync(api, camera));
        Assert.Equal(15, await ViolationsOfAsync(api, camera));
        Assert.Equal(30, await RolledUpDetectionsOfAsync(api, camera));
    }

    [Fact]
    public async Task Ingest_WhenAnotherCallerSendsTheSameKey_ItsOwnBatchIsStoredAndNothingIsReplayed()
    {
        // Keys are per caller (CommandTransaction.OwnedKey): a detector cannot be answered the admin's ids.
        using var detector = api.CreateClientFor(ApiRoles.Detector);
        using var first = await PostAsync(api.Client, Batch("owner_a", 2, Start), forceDomain: null, idempotencyKey: "common-key");
        var firstIds = await IdsAsync(first);

        using var other = await PostAsync(detector, Batch("owner_b", 3, Start), forceDomain: null, idempotencyKey: "common-key");
        using var otherRetry = await PostAsync(detector, Batch("owner_b", 3, Start), forceDomain: null, idempotencyKey: "common-key");

        var otherIds = await IdsAsync(other);
        Assert.Equal(3, otherIds.Length);
        Assert.Empty(otherIds.Intersect(firstIds));
        Assert.Equal(otherIds, await IdsAsync(otherRetry));
        Assert.Equal(3, await RecordsOfAsync(api, "owner_b"));
    }

    [Fact]
    public async Task Ingest_ConcurrentDuplicatesOfOneIdempotencyKey_StoreOnceAndAllGetTheSameIds()
    {
        var batch = Batch("race", 200, Start);
        var posts = Enumerable.Range(0, 6).Select(async i =>
        {
            using var response = await PostAsync(api.Client, batch, forceDomain: i % 2 == 0, idempotencyKey: "race-key");
            return await IdsAsync(response);
        });

        var answers = await Task.WhenAll(posts);

        Assert.All(answers, ids => Assert.Equal(answers[0], ids));
        Assert.Equal(200, await RecordsOfAsync(api, "race"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Ingest_WhenAKeyIsReusedForAnotherBatch_Answers409AndStoresNothingMore(bool forceDomain)
    {
        var key = $"shared-key-{forceDomain}";
        using var first = await PostAsync(api.Client, Batch("replay_x", 3, Start), true, idempotencyKey: key);
        var before = await RecordsOfAsync(api, "replay_x");

        using var second = await PostAsync(api.Client, Batch("replay_x", 5, Start.AddHours(1)), forceDomain, idempotencyKey: key);

        await IdsAsync(first);
        var problem = await second.ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("Idempotency-Key", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await RecordsOfAsync(api, "replay_x"));
    }

    [Theory]
    [InlineData(true, "alarm_d")]
    [InlineData(false, "alarm_l")]
    public async Task Ingest_WhenARuleIsBreached_RaisesOneAlertPerWindow(bool forceDomain, string camera)
    {
        var hour10 = new DateTime(2026, 11, 20, 10, 0, 0, DateTimeKind.Utc);

        // 2 no_mask violations: not more than the threshold of 2.
        await IdsAsync(await PostAsync(api.Client, new[] { Record(camera, hour10.AddMinutes(5), 2) }, forceDomain));
        Assert.Equal(0, await AlertsOfAsync(camera));

        // A third in the same hour window (and other types, which this rule does not count): one alert.
        await IdsAsync(await PostAsync(api.Client, new[]
        {
            Record(camera, hour10.AddMinutes(20), 1), Record(camera, hour10.AddMinutes(21), 3, "no_gloves"),
        }, forceDomain));
        Assert.Equal(1, await AlertsOfAsync(camera));

        // Still breached in the same window: no second alert.
        await IdsAsync(await PostAsync(api.Client, new[] { Record(camera, hour10.AddMinutes(40), 1) }, forceDomain));
        Assert.Equal(1, await AlertsOfAsync(camera));

        // The next window, breached again: (10:05, 11:05] holds 10:20, 10:40 and 11:05 (10:05 itself is outside).
        await IdsAsync(await PostAsync(api.Client, new[] { Record(camera, hour10.AddMinutes(65), 1) }, forceDomain));
        Assert.Equal(2, await AlertsOfAsync(camera));

        await using var connection = await api.DataSource.OpenConnectionAsync();
        var alerts = (await connection.QueryAsync<(string, string, string, DateTime, DateTime)>("""
            SELECT alert_type, severity, message, triggered_at, window_start FROM alerts WHERE camera_id = @camera ORDER BY id
            """, new { camera })).ToList();
        Assert.Equal(("violation_count", "warning", $"3 no_mask violations on {camera} within 60 minutes (threshold 2)",
            ApiFixture.Now.UtcDateTime, hour10), alerts[0]);
        Assert.Equal($"3 no_mask violations on {camera} within 60 minutes (threshold 2)", alerts[1].Item3);
        Assert.Equal(hour10.AddHours(1), alerts[1].Item5);
    }

    [Fact]
    public async Task Ingest_ConcurrentBatchesBreachingOneWindow_RaiseExactlyOneAlert()
    {
        var posts = Enumerable.Range(0, 8).Select(async i =>
        {
            using var response = await PostAsync(api.Client, new[] { Record("alarm_race", Start.AddMinutes(i), 2) },
                forceDomain: i % 2 == 0);
            return await IdsAsync(response);
        });

        await Task.WhenAll(posts);

        Assert.Equal(16, await ViolationsOfAsync(api, "alarm_race"));
        Assert.Equal(1, await AlertsOfAsync("alarm_race"));
    }

    [Fact]
    public async Task Ingest_RandomBatchesOnBothPaths_LeaveRollupsEqualToAFullRecount()
    {
        var random = new Random(20261120);
        for (var round = 0; round < 12; round++)
        {
            var batch = Enumerable.Range(0, random.Next(1, 80)).Select(_ => Record(
                random.Next(2) == 0 ? "roll_a" : "roll_b",
                Start.AddMinutes(random.Next(-600, 600)).AddTicks(random.Next(0, 600_000_000)),
                violations: random.Next(0, 4),
                violationType: random.Next(2) == 0 ? "no_mask" : "smoking",
                confidence: Math.Round(random.NextDouble(), 3))).ToList();
            await IdsAsync(await PostAsync(api.Client, batch, forceDomain: round % 2 == 0));
        }

        Assert.Equal(0, await api.CountRollupDifferencesFromRecountAsync());
    }

    [Theory]
    [InlineData("[]", "items")]
    [InlineData("42", "items")]
    [InlineData("""[{"camera_id":"single_d","detected_at":"2026-11-20T10:00:00Z","person_count":"many"}]""", "items[0].person_count")]
    [InlineData("""{"camera_id":"single_d","detected_at":"2026-11-20T10:00:00Z","objects":[{"class":"p","confidence":0.5,"bbox":"wide"}]}""", "items[0].objects[0].bbox")]
    [InlineData("""[{"camera_id":"single_d"}]""", "items[0].detected_at")]
    [InlineData("""[{"camera_id":"single_d","detected_at":"2026-11-20T10:00:00"}]""", "items[0].detected_at")]
    [InlineData("""[{"camera_id":"Single D","detected_at":"2026-11-20T10:00:00Z"}]""", "items[0].camera_id")]
    [InlineData("""[{"camera_id":"single_d","detected_at":"2026-11-20T10:00:00Z","person_count":-1}]""", "items[0].person_count")]
    [InlineData("""[{"camera_id":"single_d","detected_at":"2026-11-20T10:00:00Z","processing_ms":-5}]""", "items[0].processing_ms")]
    [InlineData("""[{"camera_id":"single_d","detected_at":"2026-11-20T10:00:00Z","objects":[{"class":"p","confidence":0.5,"bbox":[3,0,1,1]}]}]""", "items[0].objects[0].bbox")]
    [InlineData("""[{"camera_id":"single_d","detected_at":"2026-11-20T10:00:00Z","violations":[{"violation_type":"No-Mask","confidence":0.5}]}]""", "items[0].violations[0].violation_type")]
    [InlineData("""[null]""", "items[0]")]
    [InlineData("""[{"camera_id":"single_d","detected_at":"0001-01-01T00:00:00Z"}]""", "items[0].detected_at")]
    [InlineData("""[{"camera_id":"single_d","detected_at":"2026-11-20T10:00:00Z","processing_ms":1e308}]""", "items[0].processing_ms")]
    [InlineData("""[{"camera_id":"single_d","detected_at":"2026-11-20T10:00:00Z","violations":[{"violation_type":"no_mask","confidence":0.5,"snapshot_path":"a\u0000b"}]}]""", "items[0].violations[0].snapshot_path")]
    [InlineData("""[{"camera_id":"single_d","detected_at":"2026-11-20T10:00:00Z","objects":[{"class":"p\u0000","confidence":0.5,"bbox":[0,0,1,1]}]}]""", "items[0].objects[0].class")]
    [InlineData("not json", "items")]
    [InlineData("", "items")]
    [InlineData("null", "items")]
    [InlineData("""[{"camera_id":"single_d","detected_at":"2026-11-20T10:00:00Z"}] []""", "items")]
    [InlineData("""{"camera_id":"single_d","detected_at":"2026-11-20T10:00:00Z"} trailing""", "items")]
    [InlineData("""[{"camera_id":"single_d","detected_at":"2026-11-20T10:00:00Z"}""", "items")]
    public async Task Ingest_WhenTheBodyIsInvalid_Answers400NamingTheField(string body, string field)
    {
        foreach (var forceDomain in new[] { "true", "false" })
        {
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await api.Client.PostAsync($"{Url}?force_domain={forceDomain}", content);

            var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        }
    }

    [Fact]
    public async Task Ingest_WhenTheBatchHoldsMoreThan1000_Answers400()
    {
        using var response = await PostAsync(api.Client, Batch("single_d", 1001, Start), forceDomain: true);

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("items", out _));
    }

    [Fact]
    public async Task Ingest_WhenTheIdempotencyKeyIsTooLong_Answers400NamingTheHeader()
    {
        using var response = await PostAsync(api.Client, Batch("single_d", 1, Start), true, new string('k', 201));

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("idempotency-key", out _), problem.ToString());
    }

    [Fact]
    public async Task Ingest_WhenTheDomainAttemptFailsAfterWriting_FallsBackToLegacyAndStoresOnce()
    {
        // Rules are read after the COPY, so the domain attempt has written rows when it fails.
        var broken = Substitute.For<IAlertRuleRepository>();
        broken.ListAsync(Arg.Any<bool?>(), Arg.Any<CancellationToken>()).ThrowsAsync(new InvalidOperationException("down"));
        using var factory = api.WithServices(services => services.AddScoped(_ => broken));
        using var client = factory.CreateClient();

        using var response = await PostAsync(client, Batch("fallback", 50, Start), forceDomain: true, idempotencyKey: "fb");

        Assert.Equal(50, (await IdsAsync(response)).Length);
        Assert.Equal("legacy-fallback", response.ServedBy());
        Assert.Equal(50, await RecordsOfAsync(api, "fallback"));
        Assert.Equal(25, await ViolationsOfAsync(api, "fallback"));
        Assert.Equal(50, await RolledUpDetectionsOfAsync(api, "fallback"));
    }

    private Task<long> AlertsOfAsync(string camera) =>
        CountAsync(api, "SELECT count(*) FROM alerts WHERE camera_id = @camera", new { camera });
}
