using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CameraMonitor.Api.IntegrationTests.Infrastructure;
using CameraMonitor.Api.IntegrationTests.Rollout.Admin;
using CameraMonitor.Application.Rollout.Plans;
using Microsoft.Extensions.DependencyInjection;

namespace CameraMonitor.Api.IntegrationTests.Rollout.Plans;

/// <summary>The operator verbs of a plan, dry-run plans and the signed webhook events, through the API on PostgreSQL.</summary>
public sealed class RolloutPlanVerbTests(PlanVerbFixture api) : IClassFixture<PlanVerbFixture>, IAsyncLifetime, IDisposable
{
    private const string Endpoint = "ListCameras";
    private const string Secret = "webhook-secret-for-tests";

    private readonly HttpClient _operator = api.CreateClientWithKey(ApiFixture.OperatorKey);

    public Task InitializeAsync() => _operator.ResetAsync(Endpoint);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Pause_KeepsThePercentage_AndTheEvaluatorLeavesThePlanAlone_UntilResumeRestartsTheWindow()
    {
        await _operator.StartPlanAsync(Endpoint, PlanApi.Quick);
        await api.Client.CamerasAsync(api.Factory.Services, 10, domain: true);

        var paused = await _operator.PlanVerbAsync(Endpoint, PlanVerbs.Pause, reason: "release freeze");
        api.Clock.Advance(TimeSpan.FromSeconds(120));
        var evaluatedWhilePaused = await Evaluator().EvaluateAllAsync(CancellationToken.None);
        var resumed = await _operator.PlanVerbAsync(Endpoint, PlanVerbs.Resume);

        Assert.Equal(("paused", 5, $"paused by {ApiFixture.OperatorOwner}: release freeze"),
            (paused.Str("state"), paused.GetProperty("current_percentage").GetInt32(), paused.Str("paused_reason")));
        Assert.Equal(5, (await _operator.GetEndpointAsync(Endpoint)).GetProperty("percentage").GetDouble());
        Assert.Empty(evaluatedWhilePaused);
        Assert.Equal("active", resumed.Str("state"));
        Assert.Equal(api.Clock.GetUtcNow().UtcDateTime, resumed.GetProperty("step_started_at").GetDateTime().ToUniversalTime());
        var audit = (await _operator.GetPlanAsync(Endpoint)).GetProperty("audit").EnumerateArray().ToList();
        Assert.Equal([("resume", "paused", "active"), ("pause", "active", "paused")],
            audit.Select(a => (a.Str("verb"), a.GetProperty("old").Str("state"), a.GetProperty("new").Str("state"))).ToList());
        Assert.All(audit, a => Assert.Equal(ApiFixture.OperatorOwner, a.Str("changed_by")));
    }

    [Fact]
    public async Task Promote_SkipsTheRestOfTheWindow_AndAbortEndsAtZero_EachSeenByAnotherInstance()
    {
        await _operator.StartPlanAsync(Endpoint, PlanApi.Quick);
        using var other = api.WithServices(_ => { });
        using var otherOperator = api.CreateClientWithKey(ApiFixture.OperatorKey, other);

        var promoted = await otherOperator.PlanVerbAsync(Endpoint, PlanVerbs.Promote, reason: "looks fine");
        await _operator.EventuallyServesPercentageAsync(Endpoint, 10, TimeSpan.FromSeconds(5), "the first instance serving the promoted percentage");
        var aborted = await _operator.PlanVerbAsync(Endpoint, PlanVerbs.Abort, reason: "pager");
        await otherOperator.EventuallyServesPercentageAsync(Endpoint, 0, TimeSpan.FromSeconds(5), "the other instance serving 0 %");

        Assert.Equal(("active", 1, 10), (promoted.Str("state"), promoted.GetProperty("current_step_index").GetInt32(),
            promoted.GetProperty("current_percentage").GetInt32()));
        Assert.Equal(("aborted", $"aborted by {ApiFixture.OperatorOwner}: pager"), (aborted.Str("state"), aborted.Str("end_reason")));
        var audit = await _operator.NewestAuditAsync();
        Assert.Equal((10d, 0d), (audit.GetProperty("old_value").GetProperty("percentage").GetDouble(),
            audit.GetProperty("new_value").GetProperty("percentage").GetDouble()));
    }

    [Fact]
    public async Task Verbs_InTheWrongState_Answer409_UnknownVerbs400_AndWithoutAPlan404()
    {
        await _operator.StartPlanAsync(Endpoint, PlanApi.Quick);

        var resumeActive = await _operator.PlanVerbAsync(Endpoint, PlanVerbs.Resume, HttpStatusCode.Conflict);
        var unknown = await _operator.PlanVerbAsync(Endpoint, "explode", HttpStatusCode.BadRequest);
        await _operator.PlanVerbAsync(Endpoint, PlanVerbs.Abort);
        await _operator.PlanVerbAsync(Endpoint, PlanVerbs.Pause, HttpStatusCode.NotFound);
        await _operator.PlanVerbAsync("NoSuchEndpoint", PlanVerbs.Pause, HttpStatusCode.NotFound);
        using var reader = api.CreateClientWithKey(ApiFixture.ReaderKey);
        using var forbidden = await reader.PostAsync($"{PlanApi.PlanUrl(Endpoint)}/pause", null);

        Assert.Contains("it is active (needs paused)", resumeActive.Str("detail"), StringComparison.Ordinal);
        Assert.True(unknown.GetProperty("errors").TryGetProperty("verb", out _), unknown.ToString());
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    [Fact]
    public async Task DryRun_JudgesAndRecordsEveryVerdict_WithoutChangingThePercentage()
    {
        // The team serves 20 % by hand and lets a dry-run plan judge it.
        await _operator.PutEndpointAsync(Endpoint, new { percentage = 20 });
        var plan = await _operator.StartPlanAsync(Endpoint, new
        {
            steps = new[] { 10, 50 },
            observation_seconds = 60,
            min_requests = 10,
            min_latency_samples = 10,
            max_p95_increase_percent = 10_000,
            disabled_checks = new[] { "parity" },
            dry_run = true,
        });
        await api.Client.CamerasAsync(api.Factory.Services, 10, domain: true);
        await api.Client.CamerasAsync(api.Factory.Services, 10, domain: false);

        await Evaluator().EvaluateAllAsync(CancellationToken.None);
        api.Clock.Advance(TimeSpan.FromSeconds(60));
        await Evaluator().EvaluateAllAsync(CancellationToken.None);
        var report = await _operator.GetPlanAsync(Endpoint);

        Assert.True(plan.GetProperty("settings").GetProperty("dry_run").GetBoolean());
        Assert.Equal(("active", 1), (report.Str("state"), report.GetProperty("current_step_index").GetInt32()));
        Assert.Equal(20, (await _operator.GetEndpointAsync(Endpoint)).GetProperty("percentage").GetDouble());
        var history = report.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal(["promote", "hold"], history.Select(h => h.Str("verdict")));
        Assert.All(history, h => Assert.True(h.GetProperty("dry_run").GetBoolean()));
        Assert.Equal(["errors", "success_rate", "latency", "parity"],
            history[0].GetProperty("checks").EnumerateArray().Select(c => c.Str("check")));
    }

    [Fact]
    public async Task Webhook_GetsEveryEventInOrder_SignedWithTheSecret_AndTheReportShowsTheDeliveries()
    {
        using var receiver = new WebhookReceiver();
        await _operator.StartPlanAsync(Endpoint, new
        {
            observation_seconds = 60,
            min_requests = 10,
            disabled_checks = new[] { "parity" },
            webhook_url = receiver.Url,
            webhook_secret = Secret,
        });
        await _operator.PlanVerbAsync(Endpoint, PlanVerbs.Pause);
        await _operator.PlanVerbAsync(Endpoint, PlanVerbs.Resume);
        await _operator.PlanVerbAsync(Endpoint, PlanVerbs.Promote);
        await _operator.PlanVerbAsync(Endpoint, PlanVerbs.Abort);

        await AdminApi.EventuallyAsync(() => Task.FromResult(receiver.Received.Count >= 5), TimeSpan.FromSeconds(10), "five webhook events");
        var received = receiver.Received.ToList();
        var report = await EventuallyDeliveredAsync(5);

        Assert.Equal(["plan.started", "plan.paused", "plan.resumed", "plan.promoted", "plan.aborted"],
            received.Select(r => JsonDocument.Parse(r.Body).RootElement.Str("type")));
        Assert.All(received, r => Assert.Equal(Sign(r.Body), r.Headers["X-CameraMonitor-Signature"]));
        Assert.All(received, r => Assert.Equal(Endpoint, JsonDocument.Parse(r.Body).RootElement.GetProperty("plan").Str("endpoint")));
        Assert.Equal(("plan.promoted", 10), (received[3].Headers["X-CameraMonitor-Event"],
            JsonDocument.Parse(received[3].Body).RootElement.GetProperty("plan").GetProperty("percentage").GetInt32()));
        Assert.All(report, d => Assert.True(d.GetProperty("delivered").GetBoolean()));
    }

    [Fact]
    public async Task Webhook_ThatKeepsFailing_IsRetriedThenRecordedAsFailed_WithoutHoldingThePlanBack()
    {
        using var receiver = new WebhookReceiver(HttpStatusCode.ServiceUnavailable);
        var plan = await _operator.StartPlanAsync(Endpoint, new { webhook_url = receiver.Url, webhook_secret = Secret });

        var delivery = Assert.Single(await EventuallyDeliveredAsync(1));

        Assert.Equal("active", plan.Str("state"));
        Assert.Equal((false, 3, 503), (delivery.GetProperty("delivered").GetBoolean(), delivery.GetProperty("attempts").GetInt32(),
            delivery.GetProperty("status_code").GetInt32()));
        Assert.Equal(3, receiver.Received.Count);
    }

    public void Dispose() => _operator.Dispose();

    private async Task<IReadOnlyList<JsonElement>> EventuallyDeliveredAsync(int count)
    {
        IReadOnlyList<JsonElement> deliveries = [];
        await AdminApi.EventuallyAsync(async () =>
        {
            deliveries = (await _operator.GetPlanAsync(Endpoint)).GetProperty("webhooks").EnumerateArray().ToList();
            return deliveries.Count >= count;
        }, TimeSpan.FromSeconds(10), $"{count} webhook deliveries in the plan's report");
        return deliveries;
    }

    // What a receiver does (docs/operations.md shows the same in a few lines).
    private static string Sign(byte[] body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), body));

    private RolloutPlanEvaluator Evaluator() => api.Factory.Services.GetRequiredService<RolloutPlanEvaluator>();
}
