using System.Net;
using CameraMonitor.Api.IntegrationTests.Infrastructure;
using CameraMonitor.Api.IntegrationTests.Rollout.Admin;

namespace CameraMonitor.Api.IntegrationTests.Rollout;

public sealed class RolloutListenerReconnectTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task WhenTheListenConnectionIsKilled_TheInstanceReconnectsAndStillAppliesChangesWithinTwoSeconds()
    {
        // Periodic re-read far away: only the reconnect (which re-reads and LISTENs again) can deliver in time.
        using var instance = api.WithServices(_ => { }).WithWebHostBuilder(b => b.UseSetting("Rollout:RefreshIntervalSeconds", "60"));
        using var client = instance.CreateClient();
        Assert.Equal("legacy", await ServedBy(client));

        await using (var connection = await api.DataSource.OpenConnectionAsync())
        {
            var killed = await Dapper.SqlMapper.ExecuteScalarAsync<long>(connection, """
                SELECT count(*) FROM (
                    SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                    WHERE datname = current_database() AND query = 'LISTEN rollout_changed' AND pid <> pg_backend_pid()) AS killed
                """);
            Assert.True(killed >= 2, $"expected the listeners of both hosts to be killed; killed {killed}");
        }

        using var operatorClient = api.CreateClientWithKey(ApiFixture.OperatorKey);
        await operatorClient.PutEndpointAsync("ListCameras", new { percentage = 100, reason = "after the listener dropped" });

        await AdminApi.EventuallyAsync(async () => await ServedBy(client) == "domain", TimeSpan.FromSeconds(2),
            "the change arriving after the listener reconnected");
    }

    private static async Task<string> ServedBy(HttpClient client)
    {
        using var response = await client.GetAsync("/api/v1/cameras");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response.ServedBy();
    }
}
