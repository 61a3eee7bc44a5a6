using CameraMonitor.Application.Common.Errors;
using CameraMonitor.Application.Rollout.Plans;
using CameraMonitor.Infrastructure.Rollout;
using CameraMonitor.Testing;

namespace CameraMonitor.Infrastructure.IntegrationTests.Rollout;

public sealed class PostgresRolloutPlanStoreTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private static readonly DateTime Now = new(2026, 11, 20, 12, 0, 0, DateTimeKind.Utc);
    private static readonly RolloutPlanSettings Settings = new([5, 10, 25, 50, 100], 300, 20, 5, 95, 50, 5, 99);

    private readonly PostgresRolloutOverrideStore _overrides = new(database.DataSource, TimeProvider.System);

    [Fact]
    public async Task StartAsync_ConcurrentStartsOfOneEndpoint_LeaveExactlyOneActivePlanAndOneAuditRow()
    {
        var store = Store();

        var attempts = await Task.WhenAll(Enumerable.Range(0, 6).Select(async i =>
        {
            try
            {
                await store.StartAsync("Raced", Settings, $"op-{i}", null, null, null, Now, CancellationToken.None);
                return true;
            }
            catch (ConflictException)
            {
                return false;
            }
        }));

        Assert.Single(attempts, started => started);
        Assert.Single(await store.ListAsync(100, CancellationToken.None), p => p.Endpoint == "Raced");
        Assert.Single(await _overrides.AuditAsync(1000, CancellationToken.None), a => a.Endpoint == "Raced");
        Assert.Equal(5, (await _overrides.LoadAsync(CancellationToken.None))["Raced"].Override.Percentage);
    }

    [Fact]
    public async Task TryUpdateAsync_StoresThePlanAndItsPercentageTogether_OrNeither()
    {
        var store = Store();
        var plan = await store.StartAsync("Atomic", Settings, "op", null, null, null, Now, CancellationToken.None);

        // The row update fails (CHECK current_step >= 0) after the percentage was written in the same transaction.
        await Assert.ThrowsAsync<Npgsql.PostgresException>(() => store.TryUpdateAsync(plan.Id,
            p => Task.FromResult(new PlanUpdate(p with { CurrentStepIndex = -1 }, 10)), "auto-rollout", CancellationToken.None));
        var unchanged = await store.LatestAsync("Atomic", CancellationToken.None);
        var percentageAfterFailure = (await _overrides.LoadAsync(CancellationToken.None))["Atomic"].Override.Percentage;

        var promoted = await store.TryUpdateAsync(plan.Id,
            p => Task.FromResult(new PlanUpdate(p with { CurrentStepIndex = 1, StepStartedAt = Now.AddMinutes(5) }, 10)), "auto-rollout",
            CancellationToken.None);

        Assert.Equal((0, 5d), (unchanged!.CurrentStepIndex, percentageAfterFailure));
        Assert.Equal((1, Now.AddMinutes(5)), (promoted!.CurrentStepIndex, (await store.LatestAsync("Atomic", CancellationToken.None))!.StepStartedAt));
        Assert.Equal(10, (await _overrides.LoadAsync(CancellationToken.None))["Atomic"].Override.Percentage);
        Assert.Equal("auto-rollout", (await _overrides.AuditAsync(1, CancellationToken.None)).Single().ChangedBy);
    }

    [Fact]
    public async Task ApplyAsync_CancelEndsOnlyTheOpenPlan_AndLatestPrefersAnOpenOne()
    {
        var store = Store();
        var first = await store.StartAsync("Cancelled", Settings, "op", null, null, null, Now, CancellationToken.None);

        var cancelled = await Cancel(store, Now.AddMinutes(1), "done");
        var again = await Cancel(store, Now.AddMinutes(2), null);
        var second = await store.StartAsync("Cancelled", Settings, "op", null, null, null, Now.AddMinutes(3), CancellationToken.None);

        Assert.Equal((first.Id, RolloutPlanStates.Cancelled, "cancelled by alice: done", Now.AddMinutes(1)),
            (cancelled!.Id, cancelled.State, cancelled.EndReason, cancelled.EndedAt));
        Assert.Null(again);
        Assert.Equal(second.Id, (await store.LatestAsync("Cancelled", CancellationToken.None))!.Id);
        Assert.Equal(5, (await _overrides.LoadAsync(CancellationToken.None))["Cancelled"].Override.Percentage);
    }

    [Fact]
    public async Task ApplyAsync_PauseThenAbort_AuditsEachVerbAndAbortSetsZero()
    {
        var store = Store();
        await store.StartAsync("Verbs", Settings, "op", null, null, null, Now, CancellationToken.None);

        var paused = await store.ApplyAsync("Verbs", PlanVerbs.Pause, p => p.Pause("alice", "lunch"), "alice", "lunch", CancellationToken.None);
        await Assert.ThrowsAsync<ConflictException>(() =>
            store.ApplyAsync("Verbs", PlanVerbs.Pause, p => p.Pause("alice", null), "alice", null, CancellationToken.None));
        var aborted = await store.ApplyAsync("Verbs", PlanVerbs.Abort, p => p.Abort(Now.AddMinutes(1), "bob", null), "bob", null, CancellationToken.None);
        var report = await store.LatestAsync("Verbs", CancellationToken.None);

        Assert.Equal((RolloutPlanStates.Paused, 5), (paused!.State, paused.CurrentPercentage));
        Assert.Equal(RolloutPlanStates.Aborted, aborted!.State);
        Assert.Equal(0, (await _overrides.LoadAsync(CancellationToken.None))["Verbs"].Override.Percentage);
        Assert.Equal([(PlanVerbs.Abort, "bob", RolloutPlanStates.Paused, RolloutPlanStates.Aborted), (PlanVerbs.Pause, "alice", RolloutPlanStates.Active, RolloutPlanStates.Paused)],
            report!.Audit!.Select(a => (a.Verb, a.ChangedBy, a.Old.State, a.New.State)).ToList());
    }

    private static Task<RolloutPlan?> Cancel(PostgresRolloutPlanStore store, DateTime now, string? reason) =>
        store.ApplyAsync("Cancelled", PlanVerbs.Cancel, p => p.Cancel(now, "alice", reason), "alice", reason, CancellationToken.None);

    private PostgresRolloutPlanStore Store() => new(database.DataSource, _overrides, TimeProvider.System);
}
