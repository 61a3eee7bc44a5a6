using System.Net;
using System.Net.Http.Json;
using CameraMonitor.Api.IntegrationTests.Infrastructure;
using CameraMonitor.Api.Security;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CameraMonitor.Api.IntegrationTests.Security;

/// <summary>
/// Limits count per principal within a one-minute window. The requests are refused as invalid (an empty batch) or
/// only read, so reaching the limit writes nothing; each test has its own host, hence its own counters.
/// </summary>
public sealed class RateLimitTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Ingest_PastTheLimit_Answers429WithRetryAfter_WhileOtherPrincipalsGoOn()
    {
        using var host = Host("RateLimits:Ingest:PermitsPerMinute", 2);
        using var detector = api.CreateClientFor(ApiRoles.Detector, host);
        using var otherDetector = api.CreateAnonymousClient(host).WithBearer(TestTokens.Valid("detector-2", ApiRoles.Detector));

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 2; i++)
        {
            using var allowed = await Ingest(detector);
            statuses.Add(allowed.StatusCode);
        }

        using var refused = await Ingest(detector);
        using var other = await Ingest(otherDetector);

        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest], statuses);
        await refused.ProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.InRange(refused.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.BadRequest, other.StatusCode);
    }

    [Fact]
    public async Task OperatorApi_PastTheLimit_Answers429_WhileOtherPrincipalsGoOn()
    {
        using var host = Host("RateLimits:Operator:PermitsPerMinute", 1);
        using var reader = api.CreateClientFor(ApiRoles.Reader, host);
        using var operatorClient = api.CreateClientFor(ApiRoles.Operator, host);
        const string url = "/api/v1/admin/rollout/audit";

        using var first = await reader.GetAsync(url);
        using var second = await reader.GetAsync(url);
        using var other = await operatorClient.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        await second.ProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.NotNull(second.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task PublicReads_AreNotLimitedByTheIngestLimit()
    {
        using var host = Host("RateLimits:Ingest:PermitsPerMinute", 1);
        using var viewer = api.CreateClientFor(ApiRoles.Viewer, host);

        for (var i = 0; i < 3; i++)
        {
            using var response = await viewer.GetAsync("/api/v1/cameras");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    private WebApplicationFactory<Program> Host(string setting, int permits) =>
        api.WithServices(_ => { }).WithWebHostBuilder(b => b.UseSetting(setting, permits.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    private static Task<HttpResponseMessage> Ingest(HttpClient client) =>
        client.PostAsJsonAsync("/api/v1/records/detection-records", Array.Empty<object>());
}
