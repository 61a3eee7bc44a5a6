using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using CameraMonitor.Api.IntegrationTests.Endpoints;
using CameraMonitor.Api.IntegrationTests.Infrastructure;
using CameraMonitor.Api.IntegrationTests.Rollout.Admin;
using CameraMonitor.Api.IntegrationTests.Statistics;
using CameraMonitor.Application.Cameras;
using CameraMonitor.Infrastructure.CameraMirror;
using CameraMonitor.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CameraMonitor.Api.IntegrationTests.Rollout.DarkLaunch;

/// <summary>
/// Write-path dark launch over real PostgreSQL: a sampled command also runs the other implementation in a
/// rolled-back transaction, and both responses and written rows are compared. Tests of this class share one
/// database, each on its own cameras and violations.
/// </summary>
public sealed class DarkLaunchTests(StatisticsApiFixture api) : IClassFixture<StatisticsApiFixture>, IAsyncLifetime
{
    private const string Report = "/api/v1/admin/dark-launch";

    // The reports are cluster-wide and this class's hosts share one database: each test starts from no evidence.
    public Task InitializeAsync() => api.ResetEvidenceAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task CreateCamera_SampledOnEitherPath_IsStoredOnce_ShadowLeavesNoRowNoYaml_AndBothMatch(bool forceDomain)
    {
        var id = forceDomain ? "dl_create_d" : "dl_create_l";
        var rewrites = new StrongBox<int>();
        using var host = Host("CreateCamera", 100, s => s.AddScoped<ICameraMirror>(p => new CountingMirror(
            new YamlCameraMirror(p.GetRequiredService<IDbSession>(), api.CameraMirrorPath,
                p.GetRequiredService<ILogger<YamlCameraMirror>>()), rewrites)));

        using var response = await CreateAsync(host, id, forceDomain);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(CamerasHttp.PathName(forceDomain), response.ServedBy());
        Assert.Equal(1, await api.ScalarAsync<long>("SELECT count(*) FROM cameras WHERE id = @id", new { id }));
        Assert.Equal(0, await api.ScalarAsync<long>("SELECT count(*) FROM dark_launch_captured_writes"));
        Assert.Equal(1, rewrites.Value);
        Assert.Contains(id, await File.ReadAllTextAsync(api.CameraMirrorPath), StringComparison.Ordinal);
        var report = await ReportAsync(host, "CreateCamera");
        Assert.Equal((1, 1, 1, 1, 0, 0), Counts(report));
        // Only the shipped default: the version comes from a sequence the rolled-back shadow advances too.
        Assert.Equal(["cameras.version"], report.GetProperty("ignored_fields").EnumerateArray().Select(f => f.GetString()));
    }

    [Fact]
    public async Task CreateCamera_TheShadowRunsOnTheShadowPool_NotOnTheRequestsOne()
    {
        // An application name of this host's own, so that only its connections are counted in pg_stat_activity.
        var name = "dark-" + Guid.NewGuid().ToString("N")[..12];
        using var host = Host("CreateCamera", 100, settings: ("ConnectionStrings:Postgres", $"{api.ConnectionString};Application Name={name}"));

        using var response = await CreateAsync(host, "dl_shadow_pool", forceDomain: true);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(1, Counts(await ReportAsync(host, "CreateCamera")).Item2);
        Assert.True(await api.ConnectionsNamedAsync(name) >= 1, "the request's pool");
        Assert.True(await api.ConnectionsNamedAsync(name + ShadowDataSource.ApplicationNameSuffix) >= 1,
            "the shadow opened no connection of the shadow pool");
    }

    [Fact]
    public async Task CreateCamera_WhenTheDomainWritesAnotherRow_IsARowMismatchNamingTableAndColumn()
    {
        using var host = Host("CreateCamera", 100, s => s.DomainWritesAnotherLocation());

        using var response = await CreateAsync(host, "dl_mismatch", forceDomain: false);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("legacy", response.ServedBy());
        Assert.Equal("Hall", await api.ScalarAsync<string>("SELECT location FROM cameras WHERE id = 'dl_mismatch'"));
        var report = await ReportAsync(host, "CreateCamera");
        Assert.Equal((1, 1, 1, 0, 1, 0), Counts(report));
        Assert.Equal(1, report.GetProperty("mismatched_columns").GetProperty("cameras.location").GetInt64());
        var mismatch = report.GetProperty("recent_mismatches")[0];
        Assert.Equal(("legacy", "domain"), (mismatch.GetProperty("real_path").GetString(), mismatch.GetProperty("shadow_path").GetString()));
        var diff = Assert.Single(mismatch.GetProperty("row_diffs").EnumerateArray());
        Assert.Equal("cameras.insert[0].location", diff.GetProperty("path").GetString());
        Assert.Equal("\"somewhere else\"", diff.GetProperty("domain_value").GetString());
        Assert.Equal("\"Hall\"", diff.GetProperty("legacy_value").GetString());
    }

    [Fact]
    public async Task CreateCamera_WhenTheShadowThrows_TheRealRequestSucceeds_AndAShadowFailureIsCounted()
    {
        using var host = Host("CreateCamera", 100, s => s.DomainCreateCamera(_ => throw new InvalidOperationException("boom")));

        using var response = await CreateAsync(host, "dl_shadow_fails", forceDomain: false);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("legacy", response.ServedBy());
        Assert.Equal(1, await api.ScalarAsync<long>("SELECT count(*) FROM cameras WHERE id = 'dl_shadow_fails'"));
        var report = await ReportAsync(host, "CreateCamera");
        Assert.Equal((1, 0, 0, 0, 0, 1), Counts(report));
    }

    [Fact]
    public async Task CreateCamera_WhenTheShadowHangs_ItIsCutOffByTheTimeout_AndTheRequestSucceeds()
    {
        using var host = Host("CreateCamera", 100, s => s.DomainCreateCamera(async ct =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            throw new UnreachableException();
        }), ("DarkLaunch:ShadowTimeoutSeconds", "0.3"));

        var watch = Stopwatch.StartNew();
        using var response = await CreateAsync(host, "dl_shadow_hangs", forceDomain: false);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        // A liveness bound, not a timing: the shadow never ends by itself, so without the cut-off the request would
        // never answer; on a loaded 2-core machine a first request in a fresh host has taken 20 s.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(90), $"took {watch.Elapsed}");
        Assert.Equal(1, (await ReportAsync(host, "CreateCamera")).GetProperty("shadow_failures").GetInt64());
    }

    [Fact]
    public async Task CreateCamera_WhenTheRealRequestFallsBack_IsWrittenOnceAndNotCompared()
    {
        using var host = Host("CreateCamera", 100, s => s.DomainCreateCamera(_ => throw new InvalidOperationException("boom")));

        using var response = await CreateAsync(host, "dl_fallback", forceDomain: true);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("legacy-fallback", response.ServedBy());
        Assert.Equal(1, await api.ScalarAsync<long>("SELECT count(*) FROM cameras WHERE id = 'dl_fallback'"));
        var report = await ReportAsync(host, "CreateCamera");
        Assert.Equal((1, 0, 0, 0, 0, 0), Counts(report));
        Assert.Equal(1, report.GetProperty("skipped").GetInt64());
    }

    [Fact]
    public async Task CreateCamera_OfATakenId_IsRefusedAlikeOnBothPaths_AndMatches()
    {
        using var host = Host("CreateCamera", 100);

        using var response = await CreateAsync(host, "cam0", forceDomain: true);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal((1, 1, 1, 1, 0, 0), Counts(await ReportAsync(host, "CreateCamera")));
    }

    [Fact]
    public async Task CreateCamera_SampleRateSetAtRunTime_IsAudited_AndLiveOnAnotherInstanceWithoutRestart()
    {
        using var first = Host("CreateCamera", 0);
        using var second = Host("CreateCamera", 0);
        using var operatorOfFirst = api.CreateClientWithKey(ApiFixture.OperatorKey, first);
        using var operatorOfSecond = api.CreateClientWithKey(ApiFixture.OperatorKey, second);
        try
        {
            await operatorOfFirst.PutEndpointAsync("CreateCamera",
                new { dark_launch_sample_rate = 100, dark_launch_ignored_fields = new[] { "updated_at" }, reason = "shadow it" });
            await AdminApi.EventuallyAsync(async () =>
                    (await operatorOfSecond.GetEndpointAsync("CreateCamera")).GetProperty("dark_launch_sample_rate").GetDouble() == 100,
                TimeSpan.FromSeconds(10), "the other instance hearing of the new sample rate");

            using var response = await CreateAsync(second, "dl_runtime", forceDomain: false);

            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            var report = await ReportAsync(second, "CreateCamera");
            Assert.Equal(1, report.GetProperty("sampled").GetInt64());
            Assert.Equal((100d, "updated_at"), (report.GetProperty("sample_rate").GetDouble(), report.GetProperty("ignored_fields")[0].GetString()));
            var endpoint = await operatorOfSecond.GetEndpointAsync("CreateCamera");
            Assert.Equal("override", endpoint.GetProperty("sources").GetProperty("dark_launch_sample_rate").GetString());
            var audit = (await operatorOfFirst.GetJsonAsync($"{AdminApi.Prefix}/audit?limit=1")).GetProperty("entries")[0];
            Assert.Equal((ApiFixture.OperatorOwner, 100d), (audit.GetProperty("changed_by").GetString(),
                audit.GetProperty("new_value").GetProperty("dark_launch_sample_rate").GetDouble()));
        }
        finally
        {
            using var removed = await operatorOfFirst.DeleteAsync($"{AdminApi.Prefix}/endpoints/CreateCamera");
        }
    }

    [Fact]
    public async Task DarkLaunchSampleRate_OnAQuery_Answers400()
    {
        using var operatorClient = api.CreateClientWithKey(ApiFixture.OperatorKey);

        using var response = await operatorClient.PutAsJsonAsync($"{AdminApi.Prefix}/endpoints/ListCameras", new { dark_launch_sample_rate = 10 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task CreateCamera_AtSampleRate0_RunsNoShadow()
    {
        using var host = Host("CreateCamera", 0, s => s.DomainCreateCamera(_ => throw new InvalidOperationException("never run")));

        using var response = await CreateAsync(host, "dl_rate_zero", forceDomain: false);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var report = await ReportAsync(host, "CreateCamera");
        Assert.Equal((0, 0, 0, 0, 0, 0), Counts(report));
        Assert.Equal(0, report.GetProperty("sample_rate").GetDouble());
        // Unsampled writes never switch capture on: had the trigger captured anyway, its rows would have stayed.
        Assert.Equal(0, await api.ScalarAsync<long>("SELECT count(*) FROM dark_launch_captured_writes"));
    }

    [Fact]
    public async Task CreateCamera_WithTheKillSwitchOff_RunsNoDomainShadow()
    {
        using var host = Host("CreateCamera", 100, s => s.DomainCreateCamera(_ => throw new InvalidOperationException("never run")),
            ("FeatureManagement:UseDomainService", "false"));

        using var response = await CreateAsync(host, "dl_kill_switch", forceDomain: true);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("legacy", response.ServedBy());
        Assert.Equal((0, 0, 0, 0, 0, 0), Counts(await ReportAsync(host, "CreateCamera")));
    }

    [Theory]
    [InlineData(7, true)]
    [InlineData(9, false)]
    public async Task ChangeViolationStatus_SampledOnEitherPath_RowsAndResponsesMatch(int id, bool forceDomain)
    {
        using var host = Host("ChangeViolationStatus", 100);
        using var client = host.CreateClient();

        using var response = await client.SendOnPathAsync(HttpMethod.Put,
            $"/api/v1/records/violations/{id}/status?status=confirmed&handled_by=dora", null, forceDomain);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(CamerasHttp.PathName(forceDomain), response.ServedBy());
        Assert.Equal(1, await api.ScalarAsync<long>("SELECT version FROM violations WHERE id = @id", new { id = (long)id }));
        Assert.Equal((1, 1, 1, 1, 0, 0), Counts(await ReportAsync(host, "ChangeViolationStatus")));
        await api.AssertViolationRollupsEqualRecountAsync();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Ingest_SampledOnEitherPath_GeneratedIdsIgnored_RowsMatch_AndStoredOnce(bool forceDomain)
    {
        using var host = Host("IngestDetectionRecords", 100, null,
            ("DarkLaunch:Endpoints:IngestDetectionRecords:IgnoredFields:0", "ids"),
            ("DarkLaunch:Endpoints:IngestDetectionRecords:IgnoredFields:1", "id"),
            ("DarkLaunch:Endpoints:IngestDetectionRecords:IgnoredFields:2", "detection_id"));
        using var client = host.CreateClient();
        var start = new DateTime(2026, 11, 20, forceDomain ? 10 : 11, 0, 0, DateTimeKind.Utc);
        var recordsBefore = await IngestRequests.RecordsOfAsync(api, "cam2");

        using var response = await IngestRequests.PostAsync(client, IngestRequests.Batch("cam2", 4, start), forceDomain);

        Assert.Equal(4, (await IngestRequests.IdsAsync(response)).Length);
        Assert.Equal(recordsBefore + 4, await IngestRequests.RecordsOfAsync(api, "cam2"));
        var report = await ReportAsync(host, "IngestDetectionRecords");
        Assert.Equal((1, 1, 1, 1, 0, 0), Counts(report));
        Assert.Equal(0, await api.ScalarAsync<long>("SELECT count(*) FROM dark_launch_captured_writes"));
    }

    [Fact]
    public async Task CreateCamera_OverTheBudget_RunsNoShadow_AndIsReportedSkippedForBudget()
    {
        using var host = Host("CreateCamera", 100, settings: [("DarkLaunch:Budget:Burst", "1"), ("DarkLaunch:Budget:ComparisonsPerSecond", "0.0001")]);

        using var first = await CreateAsync(host, "dl_budget_1", forceDomain: true);
        using var second = await CreateAsync(host, "dl_budget_2", forceDomain: true);

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (first.StatusCode, second.StatusCode));
        Assert.Equal(1, await api.ScalarAsync<long>("SELECT count(*) FROM cameras WHERE id = 'dl_budget_2'"));
        var report = await ReportAsync(host, "CreateCamera");
        Assert.Equal((2, 1, 1, 1, 0, 0), Counts(report));
        Assert.Equal(1, report.GetProperty("skipped_for_budget").GetInt64());
    }

    [Fact]
    public async Task Report_WithoutAKey_Is401()
    {
        using var anonymous = api.CreateAnonymousClient();
        using var response = await anonymous.GetAsync(Report);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    /// <summary>(sampled, compared, responses matched, rows matched, mismatches, shadow failures).</summary>
    private static (long, long, long, long, long, long) Counts(JsonElement report) => (
        report.GetProperty("sampled").GetInt64(), report.GetProperty("compared").GetInt64(),
        report.GetProperty("responses_matched").GetInt64(), report.GetProperty("rows_matched").GetInt64(),
        report.GetProperty("mismatches").GetInt64(), report.GetProperty("shadow_failures").GetInt64());

    private WebApplicationFactory<Program> Host(string endpoint, double rate, Action<IServiceCollection>? services = null,
        params (string Key, string Value)[] settings) =>
        api.WithServices(services ?? (_ => { })).WithWebHostBuilder(b =>
        {
            b.UseSetting($"DarkLaunch:Endpoints:{endpoint}:SampleRate", rate.ToString(CultureInfo.InvariantCulture));
            // These tests are about comparisons, not the budget: shadow time that cold comparisons on a busy machine cannot
            // spend (the budget's own tests set theirs, which wins, being set later).
            b.UseSetting("DarkLaunch:Budget:ShadowMillisecondsPerSecond", "60000");
            foreach (var (key, value) in settings)
            {
                b.UseSetting(key, value);
            }
        });

    private static async Task<HttpResponseMessage> CreateAsync(WebApplicationFactory<Program> host, string id, bool forceDomain)
    {
        using var client = host.CreateClient();
        return await client.SendOnPathAsync(HttpMethod.Post, CamerasHttp.Url,
            $$"""{"id":"{{id}}","name":"Dark {{id}}","location":"Hall","source_url":"rtsp://127.0.0.1/{{id}}"}""", forceDomain);
    }

    private async Task<JsonElement> ReportAsync(WebApplicationFactory<Program> host, string endpoint)
    {
        using var reader = api.CreateClientWithKey(ApiFixture.ReaderKey, host);
        var all = await reader.GetJsonAsync(Report);
        return all.GetProperty("endpoints").EnumerateArray().Single(e => e.GetProperty("endpoint").GetString() == endpoint);
    }
}
