using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using CameraMonitor.Api.IntegrationTests.Infrastructure;
using CameraMonitor.Application.Rollout.Routing;
using CameraMonitor.Application.SystemInfo;
using Microsoft.Extensions.DependencyInjection;
using NSubstitute;
using NSubstitute.ExceptionExtensions;

namespace CameraMonitor.Api.IntegrationTests.Endpoints;

public sealed class SystemInfoTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private const string Url = "/api/v1/system/info";

    // The endpoints this branch owns; the full list grows with every feature and is checked against the catalog instead.
    private static readonly string[] SnapshotEndpoints =
        ["CreateCamera", "DeleteCamera", "GetCameraStats", "GetSystemInfo", "ListCameras", "UpdateCamera"];

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task GetSystemInfo_OnBothPaths_StableFieldsMatchOneSnapshot(bool forceDomain)
    {
        var body = JsonNode.Parse(await api.Client.GetOnPathAsync(Url, forceDomain))!.AsObject();

        // Variable by nature: checked for shape and range here, then left out of the snapshot.
        Assert.Equal(ExpectedVersion(), body["version"]!.GetValue<string>());
        Assert.InRange(body["uptime_seconds"]!.GetValue<double>(), 0, 86_400);
        Assert.Equal("up", body["database"]!["status"]!.GetValue<string>());
        Assert.InRange(body["database"]!["latency_ms"]!.GetValue<double>(), 0.0001, 10_000);
        var endpoints = body["rollout"]!["endpoints"]!.AsArray();
        Assert.Equal(RolloutStateEndpoints(), endpoints.Select(e => e!["endpoint"]!.GetValue<string>()));

        body.Remove("version");
        body.Remove("uptime_seconds");
        body["database"]!.AsObject().Remove("latency_ms");
        body["rollout"]!["endpoints"] = new JsonArray(endpoints
            .Where(e => SnapshotEndpoints.Contains(e!["endpoint"]!.GetValue<string>()))
            .Select(e => e!.DeepClone()).ToArray());
        HttpAssertions.MatchSharedSnapshot(body.ToJsonString(), "stable");
    }

    [Fact]
    public async Task GetSystemInfo_ReportsStartedAtFromTheClockAndUptimeAsItAdvances()
    {
        using var factory = api.WithServices(_ => { });
        using var client = factory.CreateClient();
        var first = JsonDocument.Parse(await client.GetOnPathAsync(Url, forceDomain: true)).RootElement;
        var startedAt = first.GetProperty("started_at").GetString();

        api.Clock.Advance(TimeSpan.FromSeconds(90.5));
        var legacy = JsonDocument.Parse(await client.GetOnPathAsync(Url, forceDomain: false)).RootElement;

        Assert.Equal(startedAt, legacy.GetProperty("started_at").GetString());
        Assert.Equal(90.5, legacy.GetProperty("uptime_seconds").GetDouble() - first.GetProperty("uptime_seconds").GetDouble(), 3);
    }

    [Fact]
    public async Task GetSystemInfo_ShowsTheRolloutInForce_PerEndpointAndTheKillSwitch()
    {
        using var factory = api.WithServices(_ => { }).WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Rollout:Endpoints:CreateCamera:Percentage", "25");
            builder.UseSetting("Rollout:Endpoints:CreateCamera:Allow:0", "dashboard");
            builder.UseSetting("FeatureManagement:UseDomainService", "false");
        });
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(Url + "?force_domain=true");
        var info = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal("legacy", response.ServedBy());
        Assert.False(info.GetProperty("rollout").GetProperty("kill_switch_allows_domain").GetBoolean());
        var create = info.GetProperty("rollout").GetProperty("endpoints").EnumerateArray()
            .Single(e => e.GetProperty("endpoint").GetString() == "CreateCamera");
        Assert.Equal(25, create.GetProperty("percentage").GetDouble());
        Assert.Equal("appsettings", create.GetProperty("sources").GetProperty("percentage").GetString());
        Assert.Equal(["dashboard"], create.GetProperty("allow").EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public async Task GetSystemInfo_WhenTheDomainProbeFails_FallsBackToLegacy()
    {
        var broken = Substitute.For<IDatabaseProbe>();
        broken.PingAsync(Arg.Any<CancellationToken>()).ThrowsAsync(new InvalidCastException("probe bug"));
        using var factory = api.WithServices(services => services.AddSingleton(broken));
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(Url + "?force_domain=true");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("legacy-fallback", response.ServedBy());
        var info = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("up", info.GetProperty("database").GetProperty("status").GetString());
    }

    private string ExpectedVersion()
    {
        var version = api.Factory.Services.GetRequiredService<HostInfo>().Version;
        Assert.False(string.IsNullOrWhiteSpace(version));
        return version;
    }

    private List<string> RolloutStateEndpoints() =>
        api.Factory.Services.GetRequiredService<IRolloutState>().All().Select(e => e.Endpoint).ToList();
}
