using System.Diagnostics;
using System.Net;
using System.Text.Json;
using CameraMonitor.Api.IntegrationTests.Infrastructure;
using CameraMonitor.Api.IntegrationTests.Rollout.Admin;
using CameraMonitor.Api.IntegrationTests.Rollout.Plans;
using Xunit.Abstractions;

namespace CameraMonitor.Api.IntegrationTests.Rollout.Evidence;

/// <summary>Real API processes sharing one database: every report and every plan verdict is the cluster's.</summary>
[Collection(ProcessCollection.Name)]
public sealed class ClusterEvidenceTests(ClusterFixture cluster, ITestOutputHelper output) : IClassFixture<ClusterFixture>
{
    private const string Summary = "GetStatisticsSummary";
    private const string SummaryUrl = "/api/v1/records/statistics/summary";
    private const int Clients = 40;

    // Generous: the processes share two cores with the rest of the suite. What is measured is written to the output.
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task FailuresOnlyOnTheInstanceThatDoesNotEvaluate_ReachTheClusterEvidence_AndRollTheJudgesPlanBack()
    {
        using var judge = cluster.Judge.CreateClient(ApiProcess.DevOperatorKey);
        using var broken = cluster.Broken.CreateClient(ApiProcess.DevOperatorKey);
        await judge.StartPlanAsync(Summary, new { steps = new[] { 50, 100 }, observation_seconds = 3600, min_requests = 5, max_p95_increase_percent = 10_000 });
        await broken.EventuallyServesPercentageAsync(Summary, 50, Bound, "the broken instance applying the plan's 50 %");

        var onJudge = await SummariesAsync(cluster.Judge);
        var onBroken = await SummariesAsync(cluster.Broken);
        var sent = Stopwatch.StartNew();

        var failures = onBroken.Count(s => s == "legacy-fallback");
        Assert.True(failures > 0, string.Join(", ", onBroken));
        Assert.DoesNotContain("legacy-fallback", onJudge);
        var judgeDomain = onJudge.Count(s => s == "domain");

        JsonElement summary = default;
        await AdminApi.EventuallyAsync(async () =>
        {
            // Each instance publishes on its own interval: the broken one's slice can land before the judge's last one,
            // so the test waits for both instances' domain requests, not only for the failures. A request's domain failure
            // and its fallback are recorded one after the other: an instance can cut a slice between the two, and the
            // fallback then arrives with its next slice, so the test waits for the fallbacks too.
            summary = Endpoint(await judge.GetJsonAsync($"{AdminApi.Prefix}/metrics"), Summary);
            var domain = Path(summary, "split", "domain");
            return domain.GetProperty("errors").GetInt64() == failures
                && domain.GetProperty("requests").GetInt64() == judgeDomain + failures
                && Path(summary, "split", "legacy-fallback").GetProperty("requests").GetInt64() == failures;
        }, Bound, "both instances' domain requests, with the broken one's failures and fallbacks, in the judge's cluster metrics");
        output.WriteLine($"failures visible on the judge {sent.Elapsed.TotalSeconds:F1} s after the last request (publish interval {ClusterFixture.PublishIntervalSeconds} s)");
        Assert.Equal(failures, Path(summary, "split", "legacy-fallback").GetProperty("requests").GetInt64());
        Assert.Equal((failures, 0L), (Instance(summary, "broken").GetProperty("failures").GetInt64(),
            Instance(summary, "judge").GetProperty("failures").GetInt64()));

        JsonElement plan = default;
        await AdminApi.EventuallyAsync(async () =>
        {
            plan = await judge.GetPlanAsync(Summary);
            return plan.Str("state") != "active";
        }, Bound, "the judge rolling its plan back");
        output.WriteLine($"plan ended {sent.Elapsed.TotalSeconds:F1} s after the last request: {plan.Str("end_reason")}");
        Assert.Equal("rolled_back", plan.Str("state"));
        // The judge names the evidence: the cluster's domain failures, which only the other instance produced.
        Assert.StartsWith("rolled back from 50 % at once: ", plan.Str("end_reason"), StringComparison.Ordinal);
        Assert.Matches(@"of errors: domain \d+ of \d+ attempts failed in the step", plan.Str("end_reason"));
        var measured = plan.GetProperty("last_evaluation").GetProperty("measured");
        Assert.True(Instance(measured, "broken").GetProperty("failures").GetInt64() > 0, measured.ToString());
        Assert.Equal(0, Instance(measured, "judge").GetProperty("failures").GetInt64());
        // The rollback reaches the other instance the way the plan's 50 % did: after the judge's verdict, not with it.
        await broken.EventuallyServesPercentageAsync(Summary, 0, Bound, "the broken instance applying the rollback to 0 %");
    }

    [Fact]
    public async Task AnInstanceKilledWithSigkill_IsReportedSilent_AndItsSlicesStillCountInTheirWindow()
    {
        using var reader = cluster.Judge.CreateClient(ApiProcess.DevReaderKey);
        using var victim = cluster.Victim.CreateClient(ApiProcess.DevAdminKey);
        const int requests = 10;
        for (var i = 0; i < requests; i++)
        {
            using var response = await victim.GetAsync("/api/v1/cameras");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await AdminApi.EventuallyAsync(async () => Instance(Endpoint(await reader.GetJsonAsync($"{AdminApi.Prefix}/metrics"), "ListCameras"),
            "victim").GetProperty("requests").GetInt64() == requests, Bound, "the victim's requests in the cluster metrics");

        cluster.Victim.Kill();
        var killed = Stopwatch.StartNew();
        JsonElement metrics = default;
        await AdminApi.EventuallyAsync(async () =>
        {
            metrics = await reader.GetJsonAsync($"{AdminApi.Prefix}/metrics");
            return Instance(metrics, "victim").GetProperty("silent").GetBoolean();
        }, Bound, "the killed instance being reported silent");
        output.WriteLine($"silent {killed.Elapsed.TotalSeconds:F1} s after SIGKILL: {Instance(metrics, "victim")}");

        Assert.True(cluster.Victim.HasExited);
        var cameras = Instance(Endpoint(metrics, "ListCameras"), "victim");
        Assert.Equal((requests, true), (cameras.GetProperty("requests").GetInt64(), cameras.GetProperty("silent").GetBoolean()));
        Assert.False(Instance(metrics, "judge").GetProperty("silent").GetBoolean());
    }

    /// <summary>GET the summary once per client (X-Client-Id client-0 … client-39); returns what served each.</summary>
    private static async Task<IReadOnlyList<string>> SummariesAsync(ApiProcess instance)
    {
        using var client = instance.CreateClient(ApiProcess.DevAdminKey);
        var servedBy = new List<string>();
        for (var i = 0; i < Clients; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, SummaryUrl);
            request.Headers.Add("X-Client-Id", $"client-{i}");
            using var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            servedBy.Add(response.ServedBy());
        }

        return servedBy;
    }

    private static JsonElement Endpoint(JsonElement metrics, string endpoint) =>
        metrics.GetProperty("endpoints").EnumerateArray().Single(e => e.GetProperty("endpoint").GetString() == endpoint);

    private static JsonElement Path(JsonElement endpoint, string group, string path) =>
        endpoint.GetProperty(group).EnumerateArray().Single(p => p.GetProperty("path").GetString() == path);

    private static JsonElement Instance(JsonElement owner, string id) =>
        owner.GetProperty("instances").EnumerateArray().Single(i => i.GetProperty("instance_id").GetString() == id);
}
