using System.Text;
using CameraMonitor.Application.Statistics.Common;
using CameraMonitor.Application.Statistics.Snapshots;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CameraMonitor.Api.IntegrationTests.Statistics.Snapshots;

/// <summary>
/// Stale-while-revalidate of the statistics summary and the daily table (docs/operations.md, "Snapshots"), over real
/// PostgreSQL with a clock the test moves: no sleeps, no timing asserted.
/// </summary>
public sealed class StatisticsSnapshotTests(SnapshotApiFixture api) : IClassFixture<SnapshotApiFixture>
{
    private const string Summary = "/api/v1/records/statistics/summary?period=24h";
    private const int Fresh = SnapshotApiFixture.FreshSeconds;
    private const int MaxAge = SnapshotApiFixture.MaxAgeSeconds;

    private readonly FakeTimeProvider _clock = new(SnapshotApiFixture.Start);

    public static TheoryData<string> Urls() => new() { Summary, "/api/v1/statistics/daily?days=7" };

    [Theory]
    [MemberData(nameof(Urls))]
    public async Task Get_WhenNoSnapshotExists_RollupsAnswer_ThenTheSnapshotWithARisingAge(string url)
    {
        await using var host = api.CreateHost(_clock);
        using var client = Client(host);

        var first = await SnapshotAnswer.GetAsync(client, url);
        _clock.Advance(TimeSpan.FromSeconds(3));
        var second = await SnapshotAnswer.GetAsync(client, url);
        _clock.Advance(TimeSpan.FromSeconds(Fresh - 3));
        var third = await SnapshotAnswer.GetAsync(client, url);

        Assert.Equal(("domain", "rollups", 0L), (first.ServedBy, first.DataSource, first.AgeSeconds));
        Assert.Equal(("domain", "snapshot", 3L), (second.ServedBy, second.DataSource, second.AgeSeconds));
        Assert.Equal(("snapshot", (long)Fresh), (third.DataSource, third.AgeSeconds));
        Assert.Equal(first.Body, second.Body);
        Assert.Equal(first.Body, third.Body);
    }

    [Theory]
    [MemberData(nameof(Urls))]
    public async Task Get_WhenTheSnapshotIsStale_ServesItWhileOneRefreshRuns_AndTheNextAnswerEqualsTheRecount(string url)
    {
        var gate = new ReadGate();
        await using var host = api.CreateHost(_clock, services => GateReads(services, gate));
        using var client = Client(host);
        var before = await SnapshotAnswer.GetAsync(client, url);
        var readsPerAnswer = gate.Reads;
        await IngestViolationAsync(client);
        var readsBefore = gate.Reads;
        gate.Close();
        _clock.Advance(TimeSpan.FromSeconds(Fresh + 1));

        var stale = await SnapshotAnswer.GetAsync(client, url);
        await WaitForReadsAsync(gate, readsBefore + readsPerAnswer); // the refresh it started reaches the closed gate
        gate.Open();
        await Snapshots(host).WhenRefreshedAsync();
        var refreshed = await SnapshotAnswer.GetAsync(client, url);
        var recount = await SnapshotAnswer.GetAsync(client, url, forceDomain: false);

        Assert.Equal(("snapshot", (long)Fresh + 1, before.Body), (stale.DataSource, stale.AgeSeconds, stale.Body));
        Assert.Equal(readsBefore + readsPerAnswer, gate.Reads); // one refresh, held until after the stale answer came back
        Assert.Equal(("snapshot", 0L), (refreshed.DataSource, refreshed.AgeSeconds));
        Assert.NotEqual(before.Body, refreshed.Body);
        Assert.Equal(("legacy", "raw", 0L), (recount.ServedBy, recount.DataSource, recount.AgeSeconds));
        Assert.Equal(recount.Body, refreshed.Body);
    }

    [Theory]
    [MemberData(nameof(Urls))]
    public async Task Get_BeyondTheMaximumAge_RollupsAnswerWithTheCurrentData(string url)
    {
        await using var host = api.CreateHost(_clock);
        using var client = Client(host);
        var before = await SnapshotAnswer.GetAsync(client, url);
        await IngestViolationAsync(client);
        _clock.Advance(TimeSpan.FromSeconds(MaxAge + 1));

        var expired = await SnapshotAnswer.GetAsync(client, url);
        var recount = await SnapshotAnswer.GetAsync(client, url, forceDomain: false);
        var next = await SnapshotAnswer.GetAsync(client, url);

        Assert.Equal(("rollups", 0L), (expired.DataSource, expired.AgeSeconds));
        Assert.NotEqual(before.Body, expired.Body);
        Assert.Equal(recount.Body, expired.Body);
        Assert.Equal(("snapshot", 0L, expired.Body), (next.DataSource, next.AgeSeconds, next.Body));
    }

    [Fact]
    public async Task Summary_WhenManyConcurrentRequestsFindTheSnapshotStale_RunsExactlyOneRefresh()
    {
        const int requests = 24;
        var gate = new ReadGate();
        await using var host = api.CreateHost(_clock, services => GateReads(services, gate));
        using var client = Client(host);
        var before = await SnapshotAnswer.GetAsync(client, Summary);
        var readsPerRefresh = gate.Reads;
        gate.Close();
        _clock.Advance(TimeSpan.FromSeconds(Fresh + 5));

        var answers = await Task.WhenAll(Enumerable.Range(0, requests).Select(_ => SnapshotAnswer.GetAsync(client, Summary)));
        await WaitForReadsAsync(gate, 2 * readsPerRefresh);
        gate.Open();
        await Snapshots(host).WhenRefreshedAsync();
        var after = await SnapshotAnswer.GetAsync(client, Summary);

        Assert.All(answers, answer => Assert.Equal(("snapshot", (long)Fresh + 5, before.Body), (answer.DataSource, answer.AgeSeconds, answer.Body)));
        Assert.Equal(2 * readsPerRefresh, gate.Reads);
        Assert.Equal(("snapshot", 0L), (after.DataSource, after.AgeSeconds));
    }

    [Fact]
    public async Task Summary_WhenManyConcurrentRequestsFindNoSnapshot_TheyShareOneRollupRead()
    {
        const int requests = 16;
        var gate = new ReadGate();
        gate.Close();
        await using var host = api.CreateHost(_clock, services => GateReads(services, gate));
        using var client = Client(host);

        var pending = Enumerable.Range(0, requests).Select(_ => SnapshotAnswer.GetAsync(client, Summary)).ToList();
        await WaitForReadsAsync(gate, 1);
        Assert.Equal(1, gate.Reads);
        gate.Open();
        var answers = await Task.WhenAll(pending);

        // Every request either joined the one refresh (rollups) or came after it ended (its snapshot, just as new).
        Assert.Equal(1, gate.Reads);
        Assert.Contains(answers, answer => answer.DataSource == "rollups");
        Assert.All(answers, answer => Assert.Equal((0L, answers[0].Body), (answer.AgeSeconds, answer.Body)));
        Assert.All(answers, answer => Assert.Contains(answer.DataSource, new[] { "rollups", "snapshot" }));
    }

    [Fact]
    public async Task Summary_WhenARefreshFails_TheStaleSnapshotIsServedUntilTheMaximumAge_ThenTheFailureAnswers()
    {
        var gate = new ReadGate();
        await using var host = api.CreateHost(_clock, services => GateReads(services, gate));
        using var client = Client(host);
        var before = await SnapshotAnswer.GetAsync(client, Summary);
        gate.Failure = new InvalidOperationException("rollups unreadable");
        _clock.Advance(TimeSpan.FromSeconds(Fresh + 1));

        var stale = await SnapshotAnswer.GetAsync(client, Summary);
        await Snapshots(host).WhenRefreshedAsync();
        var staleAgain = await SnapshotAnswer.GetAsync(client, Summary);
        await Snapshots(host).WhenRefreshedAsync();
        _clock.Advance(TimeSpan.FromSeconds(MaxAge));
        var expired = await SnapshotAnswer.GetAsync(client, Summary);

        Assert.Equal(("snapshot", before.Body), (stale.DataSource, stale.Body));
        Assert.Equal(("snapshot", before.Body), (staleAgain.DataSource, staleAgain.Body));
        // Past the maximum age the failed refresh is the domain path's failure: legacy answers, as for any domain fault.
        Assert.Equal(("legacy-fallback", "raw", 0L), (expired.ServedBy, expired.DataSource, expired.AgeSeconds));
    }

    [Fact]
    public async Task Summary_SnapshotsAreKeptPerParameters()
    {
        await using var host = api.CreateHost(_clock);
        using var client = Client(host);

        await SnapshotAnswer.GetAsync(client, Summary);
        var otherPeriod = await SnapshotAnswer.GetAsync(client, "/api/v1/records/statistics/summary?period=7d");
        var defaultPeriod = await SnapshotAnswer.GetAsync(client, "/api/v1/records/statistics/summary");
        var legacy = await SnapshotAnswer.GetAsync(client, "/api/v1/records/statistics/summary?period=7d", forceDomain: false);

        Assert.Equal("rollups", otherPeriod.DataSource);
        Assert.Equal(legacy.Body, otherPeriod.Body);
        Assert.Equal("snapshot", defaultPeriod.DataSource); // no period is the 24h period: one key
    }

    [Fact]
    public async Task Summary_WhenSnapshotsAreOff_RollupsAnswerEveryTime()
    {
        await using var host = api.CreateHost(_clock).WithWebHostBuilder(builder => builder.UseSetting("Snapshots:Enabled", "false"));
        using var client = Client(host);

        var first = await SnapshotAnswer.GetAsync(client, Summary);
        _clock.Advance(TimeSpan.FromSeconds(1));
        var second = await SnapshotAnswer.GetAsync(client, Summary);

        Assert.Equal(("rollups", 0L), (first.DataSource, first.AgeSeconds));
        Assert.Equal(("rollups", 0L), (second.DataSource, second.AgeSeconds));
    }

    [Theory]
    [InlineData("/api/v1/records/statistics/summary")]
    [InlineData("/api/v1/statistics/daily")]
    public async Task OpenApiDocument_DeclaresDataSourceAndAgeOnTheAnswer(string path)
    {
        var document = System.Text.Json.JsonDocument.Parse(await api.Client.GetStringAsync("/openapi/v1.json")).RootElement;

        var headers = document.GetProperty("paths").GetProperty(path).GetProperty("get").GetProperty("responses")
            .GetProperty("200").GetProperty("headers");
        var sources = headers.GetProperty("X-Data-Source").GetProperty("schema").GetProperty("enum").EnumerateArray()
            .Select(value => value.GetString()).ToList();
        Assert.Equal(["snapshot", "rollups", "raw"], sources);
        Assert.Equal("integer", headers.GetProperty("Age").GetProperty("schema").GetProperty("type").GetString());
    }

    private HttpClient Client(WebApplicationFactory<Program> host) =>
        api.CreateClientWithKey(Infrastructure.ApiFixture.AdminKey, host);

    private static StatisticsSnapshots Snapshots(WebApplicationFactory<Program> host) =>
        host.Services.GetRequiredService<StatisticsSnapshots>();

    /// <summary>One more violation inside every window of the tests (an hour before the clock), through ingest.</summary>
    private async Task IngestViolationAsync(HttpClient client)
    {
        var at = _clock.GetUtcNow().AddHours(-1).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        using var body = new StringContent(
            $$"""{"camera_id":"cam2","detected_at":"{{at}}","person_count":1,"violations":[{"violation_type":"no_gloves","confidence":0.8}]}""",
            Encoding.UTF8, "application/json");
        using var response = await client.PostAsync("/api/v1/records/detection-records", body);
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
    }

    /// <summary>Every rollup read model of the host passes <paramref name="gate"/> first (one pass per answer built).</summary>
    private static void GateReads(IServiceCollection services, ReadGate gate)
    {
        var rollups = services.Last(d => d.ServiceType == typeof(IStatisticsReadModel));
        services.AddScoped<IStatisticsReadModel>(p => new GatedReadModel((IStatisticsReadModel)rollups.ImplementationFactory!(p), gate));
    }

    // Bounded, not timed: a started refresh is bound to reach the closed gate; the bound only stops a broken build hanging.
    private static async Task WaitForReadsAsync(ReadGate gate, int reads)
    {
        for (var i = 0; i < 6000 && gate.Reads < reads; i++)
        {
            await Task.Delay(10);
        }
    }

    /// <summary>Summary answers read detection totals once, daily answers read daily counts once: the gate counts those.</summary>
    private sealed class GatedReadModel(IStatisticsReadModel inner, ReadGate gate) : IStatisticsReadModel
    {
        public async Task<IReadOnlyList<DetectionTotals>> DetectionTotalsAsync(HourWindow window, string? cameraId,
            CancellationToken cancellationToken)
        {
            await gate.PassAsync();
            return await inner.DetectionTotalsAsync(window, cameraId, cancellationToken);
        }

        public Task<IReadOnlyList<ViolationTotals>> ViolationTotalsAsync(HourWindow window, string? cameraId,
            CancellationToken cancellationToken) => inner.ViolationTotalsAsync(window, cameraId, cancellationToken);

        public async Task<IReadOnlyList<ViolationCountByTime>> DailyViolationCountsAsync(HourWindow window,
            CancellationToken cancellationToken)
        {
            await gate.PassAsync();
            return await inner.DailyViolationCountsAsync(window, cancellationToken);
        }

        public Task<IReadOnlyList<ViolationCountByTime>> HourlyViolationCountsAsync(HourWindow window, string cameraId,
            CancellationToken cancellationToken) => inner.HourlyViolationCountsAsync(window, cameraId, cancellationToken);

        public Task<CameraActivity> CameraActivityAsync(HourWindow window, string cameraId, DateTime now, int gapMinutes,
            int maxGaps, CancellationToken cancellationToken) =>
            inner.CameraActivityAsync(window, cameraId, now, gapMinutes, maxGaps, cancellationToken);

        public Task<IReadOnlyList<string>> CameraIdsAsync(CancellationToken cancellationToken) => inner.CameraIdsAsync(cancellationToken);
    }
}
