using System.Net;
using System.Text.Json;
using CameraMonitor.Api.IntegrationTests.Infrastructure;
using CameraMonitor.Api.IntegrationTests.Statistics;

namespace CameraMonitor.Api.IntegrationTests.Endpoints;

/// <summary>Endpoints 9–13 over <see cref="StatisticsSeed"/> (read-only), both paths against one snapshot each.</summary>
public sealed class StatisticsEndpointTests(StatisticsApiFixture api) : IClassFixture<StatisticsApiFixture>
{
    private const string Summary = "/api/v1/records/statistics/summary";
    private const string PerCamera = "/api/v1/records/statistics/";

    public static TheoryData<string, bool> Periods()
    {
        var data = new TheoryData<string, bool>();
        foreach (var period in new[] { "default", "1h", "24h", "7d", "30d" })
        {
            data.Add(period, true);
            data.Add(period, false);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Periods))]
    public async Task Summary_OnBothPaths_MatchesOneSnapshot(string period, bool forceDomain)
    {
        var body = await api.Client.GetOnPathAsync(period == "default" ? Summary : $"{Summary}?period={period}", forceDomain);

        HttpAssertions.MatchSharedSnapshot(body, period);
    }

    [Theory]
    [InlineData("2h", true)]
    [InlineData("24H", false)]
    [InlineData("30D", true)]
    public async Task Summary_WhenPeriodIsUnknown_Answers400NamingPeriod(string period, bool forceDomain)
    {
        using var response = await api.Client.GetAsync($"{Summary}?period={period}&force_domain={forceDomain}");

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("period", out _), problem.ToString());
    }

    [Fact]
    public async Task SummaryRoute_IsNeverCapturedByThePerCameraRoute()
    {
        var summary = JsonDocument.Parse(await api.Client.GetOnPathAsync(Summary, forceDomain: true)).RootElement;
        var camera = JsonDocument.Parse(await api.Client.GetOnPathAsync(PerCamera + "cam0", forceDomain: true)).RootElement;
        using var badPeriod = await api.Client.GetAsync(Summary + "?period=2h");

        Assert.True(summary.TryGetProperty("total", out _));
        Assert.False(summary.TryGetProperty("camera_id", out _));
        Assert.Equal("cam0", camera.GetProperty("camera_id").GetString());
        // The per-camera route would have answered 404 "Camera 'summary'"; the summary route names its parameter.
        var problem = await badPeriod.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("period", out _));
    }

    [Theory]
    [InlineData("cam0", "", "cam0_24h", true)]
    [InlineData("cam0", "", "cam0_24h", false)]
    [InlineData("cam0", "?period=1h", "cam0_1h", true)]
    [InlineData("cam0", "?period=1h", "cam0_1h", false)]
    [InlineData("cam1", "?start_time=2026-11-15T09:30:00Z&end_time=2026-11-19T12:00:00Z", "cam1_range", true)]
    [InlineData("cam1", "?start_time=2026-11-15T09:30:00Z&end_time=2026-11-19T12:00:00Z", "cam1_range", false)]
    [InlineData("cam10", "?period=7d", "cam10_quiet", true)]
    [InlineData("cam10", "?period=7d", "cam10_quiet", false)]
    public async Task CameraStatistics_OnBothPaths_MatchesOneSnapshot(string camera, string query, string name,
        bool forceDomain)
    {
        var body = await api.Client.GetOnPathAsync(PerCamera + camera + query, forceDomain);

        HttpAssertions.MatchSharedSnapshot(body, name);
    }

    [Theory]
    [InlineData("?end_time=2026-11-20T10:20:00Z&period=1h", "1h", "2026-11-20T10:00:00Z", "2026-11-20T11:00:00Z")]
    [InlineData("?start_time=2026-11-20T09:59:59Z&period=7d", "custom", "2026-11-20T09:00:00Z", "2026-11-20T12:00:00Z")]
    [InlineData("?period=30d", "30d", "2026-10-21T12:00:00Z", "2026-11-20T12:00:00Z")]
    public async Task CameraStatistics_WindowIsWholeHoursFromTheRangeOrThePeriod(string query, string period, string start,
        string end)
    {
        var body = JsonDocument.Parse(await api.Client.GetOnPathAsync(PerCamera + "cam0" + query, forceDomain: true)).RootElement;

        Assert.Equal((period, start, end), (body.GetProperty("period").GetString(),
            body.GetProperty("start_time").GetString(), body.GetProperty("end_time").GetString()));
    }

    [Fact]
    public async Task CameraStatistics_ReportsTheSpikeInTheLastHourAndTheGapsLongerThanTheConfiguredMinutes()
    {
        var statistics = JsonDocument.Parse(await api.Client.GetOnPathAsync(PerCamera + "cam0", forceDomain: true))
            .RootElement.GetProperty("statistics");

        var anomalies = statistics.GetProperty("anomalies").EnumerateArray().ToList();
        var spike = Assert.Single(anomalies, a => a.GetProperty("type").GetString() == "violation_spike");
        Assert.Equal("2026-11-20T11:00:00Z", spike.GetProperty("start").GetString());
        Assert.Equal(8, spike.GetProperty("count").GetInt64());
        Assert.Equal(4, anomalies.Count(a => a.GetProperty("type").GetString() == "no_detections"));
        Assert.Equal(47.5, statistics.GetProperty("performance").GetProperty("p95_processing_ms").GetDouble());
    }

    [Fact]
    public async Task CameraStatistics_WhenTheGapSettingIsLonger_ReportsFewerGaps()
    {
        using var factory = api.WithServices(_ => { }).WithWebHostBuilder(b =>
            b.UseSetting("Statistics:NoDetectionGapMinutes", "120"));
        using var client = factory.CreateClient();

        var body = await client.GetOnPathAsync(PerCamera + "cam0", forceDomain: false);

        var gaps = JsonDocument.Parse(body).RootElement.GetProperty("statistics").GetProperty("anomalies")
            .EnumerateArray().Count(a => a.GetProperty("type").GetString() == "no_detections");
        Assert.Equal(2, gaps);
    }

    [Theory]
    [InlineData("cam0", "")]
    [InlineData("cam0", "?period=30d")]
    [InlineData("cam1", "?start_time=2026-11-15T09:30:00Z&end_time=2026-11-19T12:00:00Z")]
    [InlineData("cam10", "?period=7d")]
    public async Task CameraStatistics_FromRollupsOnly_GivesLegacyGapsAndTotalsAndAP95WithinABucket(string camera,
        string query)
    {
        // Every window counts as large: p95 from the histogram, gaps from the hourly first/last detections.
        using var factory = api.WithServices(_ => { }).WithWebHostBuilder(b =>
            b.UseSetting("Statistics:ExactPercentileMaxDetections", "0"));
        using var client = factory.CreateClient();

        var domain = JsonDocument.Parse(await client.GetOnPathAsync(PerCamera + camera + query, forceDomain: true))
            .RootElement.GetProperty("statistics");
        var legacy = JsonDocument.Parse(await client.GetOnPathAsync(PerCamera + camera + query, forceDomain: false))
            .RootElement.GetProperty("statistics");

        Assert.Equal(legacy.GetProperty("anomalies").ToString(), domain.GetProperty("anomalies").ToString());
        Assert.Equal(legacy.GetProperty("totals").ToString(), domain.GetProperty("totals").ToString());
        var exact = legacy.GetProperty("performance").GetProperty("p95_processing_ms");
        var estimate = domain.GetProperty("performance").GetProperty("p95_processing_ms");
        if (exact.ValueKind == JsonValueKind.Null)
        {
            Assert.Equal(JsonValueKind.Null, estimate.ValueKind);
        }
        else
        {
            Assert.InRange(estimate.GetDouble(), exact.GetDouble() / 1.16, exact.GetDouble() * 1.16);
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task CameraStatistics_WhenTheCameraIsUnknown_Answers404(bool forceDomain)
    {
        using var response = await api.Client.GetAsync($"{PerCamera}cam99?force_domain={forceDomain}");

        await response.ProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("Cam0", "", "camera_id")]
    [InlineData("cam0", "?period=90m", "period")]
    [InlineData("cam0", "?start_time=2026-11-20T00:00:00Z&end_time=2026-11-19T00:00:00Z", "end_time")]
    [InlineData("cam0", "?start_time=2026-01-01T00:00:00Z&end_time=2026-11-19T00:00:00Z", "start_time")]
    [InlineData("cam0", "?start_time=2026-01-01T00:00:00Z", "start_time")]
    public async Task CameraStatistics_WhenAParameterIsInvalid_Answers400NamingIt(string camera, string query, string field)
    {
        using var response = await api.Client.GetAsync(PerCamera + camera + query);

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task CameraStatistics_WhenStartTimeIsNotADate_Answers400()
    {
        using var response = await api.Client.GetAsync(PerCamera + "cam0?start_time=yesterday");

        await response.ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("", "7", true)]
    [InlineData("", "7", false)]
    [InlineData("?days=3", "3", true)]
    [InlineData("?days=3", "3", false)]
    public async Task Daily_OnBothPaths_MatchesOneSnapshot(string query, string name, bool forceDomain)
    {
        var body = await api.Client.GetOnPathAsync("/api/v1/statistics/daily" + query, forceDomain);

        HttpAssertions.MatchSharedSnapshot(body, "days_" + name);
    }

    [Fact]
    public async Task Daily_IsZeroFilledInUtcOldestFirst()
    {
        var days = JsonDocument.Parse(await api.Client.GetOnPathAsync("/api/v1/statistics/daily?days=7", true))
            .RootElement.GetProperty("days").EnumerateArray().ToList();

        Assert.Equal(
            ["2026-11-14", "2026-11-15", "2026-11-16", "2026-11-17", "2026-11-18", "2026-11-19", "2026-11-20"],
            days.Select(d => d.GetProperty("date").GetString()));
        Assert.Equal([0L, 1, 0, 2, 1, 1, 11], days.Select(d => d.GetProperty("total").GetInt64()));
        Assert.Empty(days[2].GetProperty("by_type").EnumerateObject());
    }

    [Theory]
    [InlineData("0")]
    [InlineData("91")]
    [InlineData("-3")]
    public async Task Daily_WhenDaysIsOutOfRange_Answers400NamingDays(string days)
    {
        using var response = await api.Client.GetAsync("/api/v1/statistics/daily?days=" + days);

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("days", out _), problem.ToString());
    }

    [Fact]
    public async Task Daily_WhenDaysIsNotANumber_Answers400()
    {
        using var response = await api.Client.GetAsync("/api/v1/statistics/daily?days=week");

        await response.ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("", "all", true)]
    [InlineData("", "all", false)]
    [InlineData("?camera_id=cam0&status=pending&limit=2&offset=1", "cam0_pending_page2", true)]
    [InlineData("?camera_id=cam0&status=pending&limit=2&offset=1", "cam0_pending_page2", false)]
    [InlineData("?start_time=2026-11-17T00:00:00Z&end_time=2026-11-19T11:59:59Z&violation_type=no_mask", "range_type", true)]
    [InlineData("?start_time=2026-11-17T00:00:00Z&end_time=2026-11-19T11:59:59Z&violation_type=no_mask", "range_type", false)]
    [InlineData("?offset=100", "beyond", true)]
    [InlineData("?offset=100", "beyond", false)]
    public async Task Events_OnBothPaths_MatchesOneSnapshot(string query, string name, bool forceDomain)
    {
        var body = await api.Client.GetOnPathAsync("/api/v1/statistics/events" + query, forceDomain);

        HttpAssertions.MatchSharedSnapshot(body, name);
    }

    [Theory]
    [InlineData("", true)]
    [InlineData("", false)]
    [InlineData("&camera_id=cam0&status=pending", true)]
    [InlineData("&camera_id=cam0&status=pending", false)]
    [InlineData("&start_time=2026-11-17T00:30:00Z&end_time=2026-11-20T11:10:00Z", true)]
    [InlineData("&start_time=2026-11-17T00:30:00Z&end_time=2026-11-20T11:10:00Z", false)]
    public async Task Events_WalkedByCursor_GiveTheOffsetPagesAndTheFilteredTotal(string filter, bool forceDomain)
    {
        const string Events = "/api/v1/statistics/events?limit=2";
        var all = JsonDocument.Parse(await api.Client.GetOnPathAsync($"/api/v1/statistics/events?limit=1000{filter}",
            forceDomain)).RootElement;
        var legacyTotal = JsonDocument.Parse(await api.Client.GetOnPathAsync($"{Events}{filter}", false)).RootElement
            .GetProperty("total").GetInt64();

        var ids = new List<long>();
        string? cursor = null;
        do
        {
            var page = JsonDocument.Parse(await api.Client.GetOnPathAsync(
                cursor is null ? $"{Events}{filter}" : $"{Events}{filter}&after={cursor}", forceDomain)).RootElement;
            Assert.Equal(legacyTotal, page.GetProperty("total").GetInt64());
            ids.AddRange(page.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("id").GetInt64()));
            cursor = page.GetProperty("next_cursor").GetString();
        }
        while (cursor is not null);

        Assert.Equal(all.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("id").GetInt64()), ids);
        Assert.Equal(ids.Count, legacyTotal);
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=1001", "limit")]
    [InlineData("offset=-1", "offset")]
    [InlineData("status=open", "status")]
    [InlineData("camera_id=Cam%200", "camera_id")]
    [InlineData("violation_type=No-Mask", "violation_type")]
    [InlineData("start_time=2026-11-20T00:00:00Z&end_time=2026-11-19T00:00:00Z", "end_time")]
    public async Task Events_WhenAFilterIsInvalid_Answers400NamingIt(string query, string field)
    {
        using var response = await api.Client.GetAsync("/api/v1/statistics/events?" + query);

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Theory]
    [InlineData("", "default", true)]
    [InlineData("", "default", false)]
    [InlineData("?limit=3", "3", true)]
    [InlineData("?limit=3", "3", false)]
    public async Task History_OnBothPaths_MatchesOneSnapshot(string query, string name, bool forceDomain)
    {
        var body = await api.Client.GetOnPathAsync("/api/v1/statistics/history" + query, forceDomain);

        HttpAssertions.MatchSharedSnapshot(body, "history_" + name);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1001")]
    public async Task History_WhenLimitIsOutOfRange_Answers400NamingLimit(string limit)
    {
        using var response = await api.Client.GetAsync("/api/v1/statistics/history?limit=" + limit);

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("limit", out _), problem.ToString());
    }
}
