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
                await store.StartAsync("Raced", Settings, $"op-{i}", null, Now, CancellationToken.None);
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
        var plan = await store.StartAsync("Atomic", Settings, "op", null, Now, CancellationToken.None);

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
    public async Task CancelAsync_EndsOnlyTheActivePlan_AndLatestPrefersAnActiveOne()
    {
        var store = Store();
        var first = await store.StartAsync("Cancelled", Settings, "op", null, Now, CancellationToken.None);

        var cancelled = await store.CancelAsync("Cancelled", "alice", "done", Now.AddMinutes(1), CancellationToken.None);
        var again = await store.CancelAsync("Cancelled", "alice", null, Now.AddMinutes(2), CancellationToken.None);
        var second = await store.StartAsync("Cancelled", Settings, "op", null, Now.AddMinutes(3), CancellationToken.None);

        Assert.Equal((first.Id, RolloutPlanStates.Cancelled, "cancelled by alice: done", Now.AddMinutes(1)),
            (cancelled!.Id, cancelled.State, cancelled.EndReason, cancelled.EndedAt));
        Assert.Null(again);
        Assert.Equal(second.Id, (await store.LatestAsync("Cancelled", CancellationToken.None))!.Id);
        Assert.Equal(5, (await _overrides.LoadAsync(CancellationToken.None))["Cancelled"].Override.Percentage);
    }

    private PostgresRolloutPlanStore Store() => new(database.DataSource, _overrides);
}
