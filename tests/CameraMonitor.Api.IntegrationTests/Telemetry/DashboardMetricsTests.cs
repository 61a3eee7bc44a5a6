using System.Text.RegularExpressions;
using CameraMonitor.Api.IntegrationTests.Infrastructure;

namespace CameraMonitor.Api.IntegrationTests.Telemetry;

/// <summary>
/// deploy/ ships a Grafana dashboard and Prometheus alert rules; a renamed instrument would leave them silently empty.
/// The service's own scrape must name every metric they use, and every rollout series must exist before any traffic.
/// </summary>
[Collection(ScrapeCollection.Name)]
public sealed partial class DashboardMetricsTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    public static TheoryData<string> DeployFiles => new()
    {
        "deploy/grafana/cameramonitor-rollout.json",
        "deploy/prometheus/cameramonitor-rules.yml",
    };

    [Theory]
    [MemberData(nameof(DeployFiles))]
    public async Task Scrape_WhenTheApiHasServedARequest_ExportsEveryMetricTheDeployFileUses(string file)
    {
        var used = MetricName().Matches(await File.ReadAllTextAsync(RepositoryFiles.PathOf(file)))
            .Select(match => match.Value).Distinct().ToList();
        (await api.Client.GetAsync("/api/v1/cameras")).Dispose(); // histograms get their first sample

        var exported = ExportedNames(await ScrapeAsync());

        Assert.NotEmpty(used);
        Assert.All(used, name => Assert.True(exported.Contains(name), $"{file} uses {name}, which /metrics does not export"));
    }

    [Theory]
    [InlineData("cameramonitor_rollout_requests_total", "path=\"legacy-fallback\"")]
    [InlineData("cameramonitor_rollout_errors_total", "path=\"domain\"")]
    [InlineData("cameramonitor_rollout_fallbacks_total", "endpoint=\"GetStatisticsSummary\"")]
    [InlineData("cameramonitor_rollout_parity_mismatches_total", "endpoint=\"ListAlertRules\"")]
    [InlineData("cameramonitor_rollout_plan_state", "state=\"none\"")]
    [InlineData("cameramonitor_rollout_percentage", "endpoint=\"ListCameras\"")]
    public async Task Scrape_FromStartUp_HasTheSeriesOfEveryEndpoint(string metric, string label)
    {
        var lines = (await ScrapeAsync()).Split('\n');

        Assert.Contains(lines, line => line.StartsWith(metric + "{", StringComparison.Ordinal) && line.Contains(label, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Scrape_DescribesTheServiceAsTheResource()
    {
        var targetInfo = (await ScrapeAsync()).Split('\n').Single(line => line.StartsWith("target_info{", StringComparison.Ordinal));

        Assert.Contains("service_name=\"cameramonitor\"", targetInfo, StringComparison.Ordinal);
        Assert.Contains("service_version=\"", targetInfo, StringComparison.Ordinal);
        Assert.Contains("service_instance_id=\"", targetInfo, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scrape_LatencyHistogram_HasBucketsFromATenthOfAMillisecondToTenSeconds()
    {
        (await api.Client.GetAsync("/api/v1/cameras")).Dispose();

        var buckets = (await ScrapeAsync()).Split('\n')
            .Where(line => line.StartsWith("cameramonitor_rollout_duration_milliseconds_bucket{", StringComparison.Ordinal))
            .Select(line => Bound().Match(line).Groups[1].Value).Distinct().ToList();

        Assert.Equal("0.1", buckets.First());
        Assert.Contains("10000", buckets);
        Assert.Equal("+Inf", buckets.Last());
    }

    private static HashSet<string> ExportedNames(string scrape) =>
        [.. scrape.Split('\n').Where(line => line.Length > 0 && line[0] != '#').Select(line => line.Split('{', ' ')[0])];

    private async Task<string> ScrapeAsync() => await api.Client.GetStringAsync("/metrics");

    [GeneratedRegex(@"\b(?:cameramonitor|http_server|db_client)_[a-z0-9_]+\b")]
    private static partial Regex MetricName();

    [GeneratedRegex("le=\"([^\"]+)\"")]
    private static partial Regex Bound();
}
