using System.Net;
using CameraMonitor.Api.IntegrationTests.Infrastructure;
using CameraMonitor.Api.IntegrationTests.Rollout.Admin;
using CameraMonitor.Api.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CameraMonitor.Api.IntegrationTests.Rollout;

/// <summary>Two hosts over one database: what one instance changes, the other serves within 2 s.</summary>
public sealed class RolloutLiveTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private const string Endpoint = "ListCameras";
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task ChangeThroughInstanceA_IsServedByInstanceB_WithinTwoSeconds_ByNotification()
    {
        // B re-reads on its own only every 60 s, so arriving within 2 s proves LISTEN/NOTIFY.
        using var instanceB = SecondInstance(refreshSeconds: 60);
        using var clientB = instanceB.CreateClient();
        using var operatorA = api.CreateClientWithKey(ApiFixture.OperatorKey);
        await AssertServedBy(clientB, "legacy");

        await operatorA.PutEndpointAsync(Endpoint, new { percentage = 100, reason = "live test" });
        await AdminApi.EventuallyAsync(async () => await ServedBy(clientB) == "domain", Bound, "B serving the domain path");

        await operatorA.PostAsync($"{AdminApi.Prefix}/endpoints/{Endpoint}/rollback", null);
        await AdminApi.EventuallyAsync(async () => await ServedBy(clientB) == "legacy", Bound, "B rolling back to legacy");
    }

    [Fact]
    public async Task ChangeWithoutANotification_IsPickedUpByThePeriodicReRead()
    {
        using var instanceB = SecondInstance(refreshSeconds: 0.5);
        using var clientB = instanceB.CreateClient();
        await api.ExecuteAsync("DELETE FROM rollout_overrides");
        await AssertServedBy(clientB, "legacy");

        // Written behind the API's back: no pg_notify, as if the notification had been lost.
        await api.ExecuteAsync("""
            INSERT INTO rollout_overrides (endpoint, settings, updated_at, updated_by)
            VALUES ('ListCameras', '{"percentage": 100}', now(), 'sql')
            """);

        await AdminApi.EventuallyAsync(async () => await ServedBy(clientB) == "domain", Bound, "the periodic re-read");
        await api.ExecuteAsync("DELETE FROM rollout_overrides");
    }

    [Fact]
    public async Task KillSwitchOff_WinsOverARunTimeOverride()
    {
        using var operatorA = api.CreateClientWithKey(ApiFixture.OperatorKey);
        await operatorA.PutEndpointAsync(Endpoint, new { percentage = 100 });
        using var killed = api.WithServices(_ => { }).WithWebHostBuilder(b => b.UseSetting("FeatureManagement:UseDomainService", "false"));
        using var client = killed.CreateClient();

        Assert.Equal("legacy", await ServedBy(client));
        Assert.Equal("domain", await ServedBy(api.Client));
        await operatorA.DeleteAsync($"{AdminApi.Prefix}/endpoints/{Endpoint}");
    }

    [Fact]
    public void Startup_InProductionWithTheDevelopmentKey_IsRefused()
    {
        using var production = api.WithServices(_ => { }).WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Production");
            b.UseSetting("Admin:ApiKeys:0:Key", DevelopmentKeys.ForRole(ApiRoles.Operator));
            b.UseSetting("Admin:ApiKeys:0:Owner", "someone");
            b.UseSetting("Admin:ApiKeys:0:Role", "operator");
        });

        var error = Assert.ThrowsAny<Exception>(() => production.CreateClient());

        Assert.Contains("Admin:ApiKeys:0 is a published development key", error.ToString(), StringComparison.Ordinal);
    }

    private WebApplicationFactory<Program> SecondInstance(double refreshSeconds) =>
        api.WithServices(_ => { }).WithWebHostBuilder(b =>
            b.UseSetting("Rollout:RefreshIntervalSeconds", refreshSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    private static async Task<string> ServedBy(HttpClient client)
    {
        using var response = await client.GetAsync("/api/v1/cameras");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response.ServedBy();
    }

    private static async Task AssertServedBy(HttpClient client, string expected) => Assert.Equal(expected, await ServedBy(client));
}
