using System.Net;
using System.Text.Json;
using CameraMonitor.Api.IntegrationTests.Infrastructure;
using CameraMonitor.Api.IntegrationTests.Telemetry;

namespace CameraMonitor.Api.IntegrationTests.Endpoints;

[Collection(ScrapeCollection.Name)]
public sealed class HostingTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_WhenTheDatabaseAnswers_IsHealthy(string url)
    {
        using var response = await api.Client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OpenApi_DocumentListsTheEndpointsWithTheRolloutParameters()
    {
        var document = await api.Client.GetStringAsync("/openapi/v1.json");

        Assert.Contains("/api/v1/cameras", document, StringComparison.Ordinal);
        Assert.Contains("\"force_domain\"", document, StringComparison.Ordinal);
        Assert.Contains("X-Served-By", document, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/records/violations/{violation_id}/status", "put", new[] { "400", "404", "409" })]
    [InlineData("/api/v1/cameras", "post", new[] { "400", "409" })]
    [InlineData("/api/v1/admin/rollout/endpoints/{name}", "put", new[] { "400", "401", "403", "404" })]
    public async Task OpenApi_DocumentsTheProblemAnswersOfAnOperation(string path, string method, string[] statuses)
    {
        using var document = JsonDocument.Parse(await api.Client.GetStringAsync("/openapi/v1.json"));

        var responses = document.RootElement.GetProperty("paths").GetProperty(path).GetProperty(method).GetProperty("responses");

        Assert.All(statuses, status => Assert.True(responses.TryGetProperty(status, out _), $"{method} {path} lacks {status}"));
    }

    [Fact]
    public async Task UnknownRoute_Answers404ProblemDetails()
    {
        using var response = await api.Client.GetAsync("/api/v1/nothing-here");

        await response.ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Metrics_ArePublishedForPrometheus()
    {
        await api.Client.GetAsync("/api/v1/cameras?force_domain=true");

        var scrape = await api.Client.GetStringAsync("/metrics");

        Assert.Contains("cameramonitor_rollout_requests", scrape, StringComparison.Ordinal);
    }
}
