using System.Net;
using System.Net.Http.Json;
using CameraMonitor.Api.IntegrationTests.Infrastructure;
using CameraMonitor.Api.IntegrationTests.Rollout.Admin;
using CameraMonitor.Application.Rollout.Plans;
using CameraMonitor.Domain.Cameras;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using NSubstitute;

namespace CameraMonitor.Api.IntegrationTests.Rollout.Plans;

/// <summary>
/// Progressive delivery end to end on PostgreSQL: the operator starts a plan, the tests send traffic, move the
/// fake clock and run the evaluator themselves (the background worker is off in this fixture).
/// </summary>
public sealed class RolloutPlanTests(RolloutPlanFixture api) : IClassFixture<RolloutPlanFixture>, IAsyncLifetime, IDisposable
{
    private const string Endpoint = "ListCameras";

    private readonly HttpClient _operator = api.CreateClientWithKey(ApiFixture.OperatorKey);

    public async Task InitializeAsync()
    {
        await _operator.ResetAsync(Endpoint);
        await api.ResetEvidenceAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Start_WithoutABody_SetsTheFirstDefaultStep_AndWritesAnAuditRow()
    {
        var plan = await _operator.StartPlanAsync(Endpoint);

        Assert.Equal((Endpoint, "active", 0, 5), (plan.Str("endpoint"), plan.Str("state"), plan.GetProperty("current_step_index").GetInt32(),
            plan.GetProperty("current_percentage").GetInt32()));
        var settings = plan.GetProperty("settings");
        Assert.Equal([5, 10, 25, 50, 100], settings.GetProperty("steps").EnumerateArray().Select(s => s.GetInt32()));
        Assert.Equal((300, 50, 5d, 95d, 25d, 99d), (settings.GetProperty("observation_seconds").GetInt32(),
            settings.GetProperty("min_requests").GetInt32(), settings.GetProperty("max_error_rate_percent").GetDouble(),
            settings.GetProperty("min_success_rate_percent").GetDouble(), settings.GetProperty("max_p95_increase_percent").GetDouble(),
            settings.GetProperty("min_parity_percent").GetDouble()));
        Assert.Equal(api.Clock.GetUtcNow().UtcDateTime, plan.GetProperty("step_started_at").GetDateTime().ToUniversalTime());
        Assert.EndsWith("Z", plan.Str("step_started_at"), StringComparison.Ordinal);
        Assert.Equal(ApiFixture.OperatorOwner, plan.Str("created_by"));

        var endpoint = await _operator.GetEndpointAsync(Endpoint);
        Assert.Equal((5d, "override"), (endpoint.GetProperty("percentage").GetDouble(), endpoint.GetProperty("sources").Str("percentage")));
        var audit = await _operator.NewestAuditAsync();
        Assert.Equal(ApiFixture.OperatorOwner, audit.Str("changed_by"));
        Assert.Equal(5, audit.GetProperty("new_value").GetProperty("percentage").GetDouble());
        Assert.StartsWith($"rollout plan #{plan.GetProperty("id").GetInt64()} started at 5 %", audit.Str("reason"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_HealthyTraffic_HoldsDuringTheWindow_ThenPromotesTo10_AuditedAsAutoRollout()
    {
        var started = await _operator.StartPlanAsync(Endpoint, PlanApi.Quick);
        await api.Client.CamerasAsync(api.Factory.Services, 10, domain: true);
        await api.Client.CamerasAsync(api.Factory.Services, 10, domain: false);

        await Evaluator().EvaluateAllAsync(CancellationToken.None);
        var during = await _operator.GetPlanAsync(Endpoint);
        api.Clock.Advance(TimeSpan.FromSeconds(60));
        await Evaluator().EvaluateAllAsync(CancellationToken.None);
        var after = await _operator.GetPlanAsync(Endpoint);

        Assert.Equal((0, "hold"), (during.GetProperty("current_step_index").GetInt32(), during.GetProperty("last_evaluation").Str("verdict")));
        Assert.StartsWith("observing 5 %: 0 of 60 s", during.GetProperty("last_evaluation").Str("reason"), StringComparison.Ordinal);
        Assert.Equal((started.GetProperty("id").GetInt64(), "active", 1, 10), (after.GetProperty("id").GetInt64(), after.Str("state"),
            after.GetProperty("current_step_index").GetInt32(), after.GetProperty("current_percentage").GetInt32()));
        Assert.Equal(api.Clock.GetUtcNow().UtcDateTime, after.GetProperty("step_started_at").GetDateTime().ToUniversalTime());
        var evaluation = after.GetProperty("last_evaluation");
        Assert.Equal(("promote", 0, 5), (evaluation.Str("verdict"), evaluation.GetProperty("step_index").GetInt32(),
            evaluation.GetProperty("percentage").GetInt32()));
        var measured = evaluation.GetProperty("measured");
        Assert.Equal((10, 0, 10, 0d, 100d), (measured.GetProperty("domain_requests").GetInt64(), measured.GetProperty("domain_errors").GetInt64(),
            measured.GetProperty("legacy_requests").GetInt64(), measured.GetProperty("error_rate_percent").GetDouble(),
            measured.GetProperty("success_rate_percent").GetDouble()));
        Assert.True(measured.GetProperty("domain_p95_ms").GetDouble() > 0);

        Assert.Equal(10, (await _operator.GetEndpointAsync(Endpoint)).GetProperty("percentage").GetDouble());
        var audit = await _operator.NewestAuditAsync();
        Assert.Equal(RolloutPlanEvaluator.Actor, audit.Str("changed_by"));
        Assert.Equal((5d, 10d), (audit.GetProperty("old_value").GetProperty("percentage").GetDouble(),
            audit.GetProperty("new_value").GetProperty("percentage").GetDouble()));
        Assert.Contains("healthy at 5 % for 60 s (errors pass: domain 0 of 10 attempts failed in the step", audit.Str("reason"), StringComparison.Ordinal);
        Assert.Contains("promoted to 10 %", audit.Str("reason"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_ForceDomainTraffic_DoesNotMoveAHeldStep_AndIsShownApart()
    {
        await _operator.StartPlanAsync(Endpoint, PlanApi.Quick);
        await api.Client.ForcedCamerasAsync(50, forceDomain: true);
        api.Clock.Advance(TimeSpan.FromSeconds(600));

        await Evaluator().EvaluateAllAsync(CancellationToken.None);
        var plan = await _operator.GetPlanAsync(Endpoint);

        // Not promoted on steered traffic: the window ended without evidence about the split, so the plan pauses.
        Assert.Equal((0, "inconclusive"), (plan.GetProperty("current_step_index").GetInt32(), plan.GetProperty("last_evaluation").Str("verdict")));
        Assert.Contains("errors (0 of 10 domain attempts needed", plan.GetProperty("last_evaluation").Str("reason"), StringComparison.Ordinal);
        var measured = plan.GetProperty("last_evaluation").GetProperty("measured");
        Assert.Equal((0, 50), (measured.GetProperty("domain_requests").GetInt64(),
            measured.GetProperty("steered").GetProperty("domain_requests").GetInt64()));
    }

    [Fact]
    public async Task Evaluate_HealthyLastStep_CompletesThePlan_LeavingItsPercentage()
    {
        await _operator.StartPlanAsync(Endpoint, new
        {
            steps = new[] { 30 },
            observation_seconds = 60,
            min_requests = 10,
            max_p95_increase_percent = 10_000,
            disabled_checks = new[] { "parity", "latency" },
        });
        await api.Client.CamerasAsync(api.Factory.Services, 10, domain: true);
        var auditBefore = (await _operator.NewestAuditAsync()).GetProperty("id").GetInt64();
        api.Clock.Advance(TimeSpan.FromSeconds(60));

        await Evaluator().EvaluateAllAsync(CancellationToken.None);
        var plan = await _operator.GetPlanAsync(Endpoint);

        Assert.Equal(("completed", 30), (plan.Str("state"), plan.GetProperty("current_percentage").GetInt32()));
        Assert.EndsWith("plan complete", plan.Str("end_reason"), StringComparison.Ordinal);
        Assert.Equal(30, (await _operator.GetEndpointAsync(Endpoint)).GetProperty("percentage").GetDouble());
        Assert.Equal(auditBefore, (await _operator.NewestAuditAsync()).GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task Evaluate_TooFewRequestsWhenTheWindowEnds_IsInconclusive_PausingThePlanAndNamingTheCheck()
    {
        await _operator.StartPlanAsync(Endpoint, PlanApi.Quick);
        await api.Client.CamerasAsync(api.Factory.Services, 9, domain: true);
        api.Clock.Advance(TimeSpan.FromSeconds(600));

        await Evaluator().EvaluateAllAsync(CancellationToken.None);
        var plan = await _operator.GetPlanAsync(Endpoint);

        Assert.Equal((0, "inconclusive", "paused"), (plan.GetProperty("current_step_index").GetInt32(),
            plan.GetProperty("last_evaluation").Str("verdict"), plan.Str("state")));
        Assert.StartsWith("window of 60 s at 5 % ended without conclusive evidence for errors (9 of 10 domain attempts needed",
            plan.Str("paused_reason"), StringComparison.Ordinal);
        // Paused: not judged again until resumed.
        Assert.Empty(await Evaluator().EvaluateAllAsync(CancellationToken.None));
        Assert.Equal(5, (await _operator.GetEndpointAsync(Endpoint)).GetProperty("percentage").GetDouble());
    }

    [Fact]
    public async Task Evaluate_DomainFailingBehindFallbacks_RollsBackToZero_WithTheReasonInTheAudit()
    {
        using var failing = api.WithServices(services => services.AddScoped(_ =>
        {
            var repository = Substitute.For<ICameraRepository>();
            repository.ListAsync(Arg.Any<CancellationToken>()).Returns<Task<IReadOnlyList<Camera>>>(_ => throw new InvalidOperationException("repository down"));
            return repository;
        }));
        using var operatorOfFailing = api.CreateClientWithKey(ApiFixture.OperatorKey, failing);
        using var trafficOfFailing = failing.CreateClient();
        await operatorOfFailing.StartPlanAsync(Endpoint, PlanApi.Quick);
        await trafficOfFailing.CamerasAsync(failing.Services, 9, domain: false);
        var served = await trafficOfFailing.CamerasAsync(failing.Services, 11, domain: true);

        // No clock move: a hard breach does not wait for the observation window nor the failure limit.
        await Evaluator(failing).EvaluateAllAsync(CancellationToken.None);
        var plan = await operatorOfFailing.GetPlanAsync(Endpoint);

        Assert.All(served, s => Assert.Equal("legacy-fallback", s));
        Assert.Equal(("rolled_back", "rollback"), (plan.Str("state"), plan.GetProperty("last_evaluation").Str("verdict")));
        Assert.StartsWith("rolled back from 5 % at once: hard breach of errors: domain 11 of 11 attempts failed in the step (100 %)",
            plan.Str("end_reason"), StringComparison.Ordinal);
        Assert.Equal(api.Clock.GetUtcNow().UtcDateTime, plan.GetProperty("ended_at").GetDateTime().ToUniversalTime());
        Assert.Equal(0, (await operatorOfFailing.GetEndpointAsync(Endpoint)).GetProperty("percentage").GetDouble());
        // The other instance hears of it through NOTIFY.
        await _operator.EventuallyServesPercentageAsync(Endpoint, 0, TimeSpan.FromSeconds(5), "the main instance applying the rollback");
        var audit = await _operator.NewestAuditAsync();
        Assert.Equal(RolloutPlanEvaluator.Actor, audit.Str("changed_by"));
        Assert.Equal(0, audit.GetProperty("new_value").GetProperty("percentage").GetDouble());
        Assert.Contains("hard breach of errors: domain 11 of 11 attempts failed", audit.Str("reason"), StringComparison.Ordinal);

        // An ended plan is not evaluated again.
        Assert.Empty(await Evaluator(failing).EvaluateAllAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Evaluate_APlanLockedByAnotherInstance_IsSkipped_UntilTheLockIsGone()
    {
        var plan = await _operator.StartPlanAsync(Endpoint, PlanApi.Quick);
        await using (var connection = await api.DataSource.OpenConnectionAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await using var command = new Npgsql.NpgsqlCommand("SELECT id FROM rollout_plans WHERE id = $1 FOR UPDATE", connection, transaction);
            command.Parameters.AddWithValue(plan.GetProperty("id").GetInt64());
            await command.ExecuteScalarAsync();

            Assert.Empty(await Evaluator().EvaluateAllAsync(CancellationToken.None));
        }

        var evaluated = await Evaluator().EvaluateAllAsync(CancellationToken.None);

        Assert.Equal(plan.GetProperty("id").GetInt64(), Assert.Single(evaluated).Id);
    }

    [Fact]
    public async Task Start_WhileAPlanIsActive_Answers409_AndChangesNothing()
    {
        await _operator.StartPlanAsync(Endpoint);
        var auditBefore = await _operator.NewestAuditAsync();

        using var response = await _operator.PostAsJsonAsync(PlanApi.PlanUrl(Endpoint), new { steps = new[] { 50, 100 } });

        var problem = await response.ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("already has an open rollout plan", problem.Str("detail"), StringComparison.Ordinal);
        Assert.Equal(auditBefore.GetProperty("id").GetInt64(), (await _operator.NewestAuditAsync()).GetProperty("id").GetInt64());
        Assert.Equal(5, (await _operator.GetEndpointAsync(Endpoint)).GetProperty("percentage").GetDouble());
    }

    public static TheoryData<string, string> BadBodies() => new()
    {
        { """{"steps": [10, 5]}""", "steps" },
        { """{"steps": [5, 5]}""", "steps" },
        { """{"steps": [0, 10]}""", "steps" },
        { """{"steps": [50, 101]}""", "steps" },
        { """{"steps": []}""", "steps" },
        { """{"observation_seconds": 0}""", "observation_seconds" },
        { """{"min_requests": 0}""", "min_requests" },
        { """{"max_error_rate_percent": 101}""", "max_error_rate_percent" },
        { """{"min_success_rate_percent": -1}""", "min_success_rate_percent" },
        { """{"max_p95_increase_percent": -5}""", "max_p95_increase_percent" },
        { """{"min_parity_percent": 100.5}""", "min_parity_percent" },
        { """{"observation_seconds": "soon"}""", "observation_seconds" },
        { """{"disabled_checks": ["errors", "vibes"]}""", "disabled_checks" },
        { """{"dry_run_checks": ["nope"]}""", "dry_run_checks" },
        { """{"confidence": 1.5}""", "confidence" },
        { """{"failure_limit": 0}""", "failure_limit" },
        { """{"webhook_url": "ftp://example.org/hook"}""", "webhook_url" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Start_WithABadBody_Answers400NamingTheField_AndStartsNothing(string body, string field)
    {
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        using var response = await _operator.PostAsync(PlanApi.PlanUrl(Endpoint), content);

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        using var get = await _operator.GetAsync(PlanApi.PlanUrl(Endpoint));
        var latest = get.StatusCode == HttpStatusCode.OK ? (await get.JsonAsync(HttpStatusCode.OK)).Str("state") : "none";
        Assert.DoesNotContain(latest, new[] { "active", "paused" });
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("GET")]
    [InlineData("DELETE")]
    public async Task PlanRoutes_OfAnUnknownEndpoint_Answer404(string method)
    {
        using var response = await _operator.SendAsync(new HttpRequestMessage(new HttpMethod(method), PlanApi.PlanUrl("NoSuchEndpoint")));

        await response.ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Get_OfAnEndpointThatNeverHadAPlan_Answers404_AndDeleteWithoutAnActivePlanToo()
    {
        using var get = await _operator.GetAsync(PlanApi.PlanUrl("GetViolation"));
        using var delete = await _operator.DeleteAsync(PlanApi.PlanUrl(Endpoint));

        await get.ProblemAsync(HttpStatusCode.NotFound);
        await delete.ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Cancel_EndsThePlan_LeavingThePercentage_AndTheEvaluatorLeavesItAlone()
    {
        await _operator.StartPlanAsync(Endpoint, PlanApi.Quick);

        using var response = await _operator.DeleteAsync($"{PlanApi.PlanUrl(Endpoint)}?reason=enough");
        var cancelled = await response.JsonAsync(HttpStatusCode.OK);
        await api.Client.CamerasAsync(api.Factory.Services, 10, domain: true);
        api.Clock.Advance(TimeSpan.FromSeconds(120));
        await Evaluator().EvaluateAllAsync(CancellationToken.None);

        Assert.Equal(("cancelled", $"cancelled by {ApiFixture.OperatorOwner}: enough"), (cancelled.Str("state"), cancelled.Str("end_reason")));
        Assert.Equal("cancelled", (await _operator.GetPlanAsync(Endpoint)).Str("state"));
        Assert.Equal(5, (await _operator.GetEndpointAsync(Endpoint)).GetProperty("percentage").GetDouble());
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("ROLLBACK")]
    public async Task ManualPercentageChange_CancelsTheActivePlan(string change)
    {
        await _operator.StartPlanAsync(Endpoint);

        using var response = change == "PUT"
            ? await _operator.PutAsJsonAsync($"{AdminApi.Prefix}/endpoints/{Endpoint}", new { percentage = 30, reason = "by hand" })
            : await _operator.PostAsync($"{AdminApi.Prefix}/endpoints/{Endpoint}/rollback?reason=by+hand", null);
        var plan = await _operator.GetPlanAsync(Endpoint);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("cancelled", plan.Str("state"));
        Assert.Equal($"cancelled by {ApiFixture.OperatorOwner}: manual change of the percentage: by hand", plan.Str("end_reason"));
    }

    [Fact]
    public async Task ChangingOnlyTheLists_KeepsThePlanActive()
    {
        await _operator.StartPlanAsync(Endpoint);

        await _operator.PutEndpointAsync(Endpoint, new { allow = new[] { "tester" } });

        Assert.Equal("active", (await _operator.GetPlanAsync(Endpoint)).Str("state"));
    }

    [Fact]
    public async Task Plans_ListsThePlansNewestFirst_AndAnotherInstanceReadsThemFromTheDatabase()
    {
        var first = await _operator.StartPlanAsync(Endpoint);
        await _operator.ResetAsync(Endpoint);
        var second = await _operator.StartPlanAsync(Endpoint, new { steps = new[] { 50, 100 } });
        using var restarted = api.WithServices(_ => { });
        using var reader = api.CreateClientWithKey(ApiFixture.ReaderKey, restarted);

        var plans = (await reader.GetJsonAsync($"{AdminApi.Prefix}/plans")).GetProperty("plans").EnumerateArray().ToList();
        var current = await reader.GetPlanAsync(Endpoint);

        Assert.Equal(second.GetProperty("id").GetInt64(), plans[0].GetProperty("id").GetInt64());
        Assert.Equal(("active", 50), (plans[0].Str("state"), plans[0].GetProperty("current_percentage").GetInt32()));
        Assert.Equal((first.GetProperty("id").GetInt64(), "cancelled"), (plans[1].GetProperty("id").GetInt64(), plans[1].Str("state")));
        Assert.Equal(second.GetProperty("id").GetInt64(), current.GetProperty("id").GetInt64());
    }

    public void Dispose() => _operator.Dispose();

    private RolloutPlanEvaluator Evaluator(WebApplicationFactory<Program>? host = null) =>
        (host ?? api.Factory).Services.GetRequiredService<RolloutPlanEvaluator>();
}
