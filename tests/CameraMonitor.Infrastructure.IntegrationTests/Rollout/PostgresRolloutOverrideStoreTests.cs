using CameraMonitor.Application.Rollout.Routing;
using CameraMonitor.Infrastructure.Rollout;
using CameraMonitor.Testing;
using Microsoft.Extensions.Time.Testing;

namespace CameraMonitor.Infrastructure.IntegrationTests.Rollout;

public sealed class PostgresRolloutOverrideStoreTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ChangeAsync_ConcurrentPartialUpdatesOfOneEndpoint_LoseNothing()
    {
        var store = Store();
        await store.ChangeAsync("Concurrent", _ => null, "setup", null, CancellationToken.None);

        var lists = Enumerable.Range(0, 8).Select(i => store.ChangeAsync("Concurrent",
            old => (old ?? new()).With(new RolloutOverride(Allow: [.. old?.Allow ?? [], $"client-{i}"])), $"op-{i}", null,
            CancellationToken.None));
        await Task.WhenAll(lists);

        var stored = (await store.LoadAsync(CancellationToken.None))["Concurrent"].Override;
        Assert.Equal(8, stored.Allow!.Count);
        Assert.Equal(8, (await store.AuditAsync(100, CancellationToken.None)).Count(a => a.ChangedBy.StartsWith("op-", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ChangeAsync_WritesTheAuditRowWithOldAndNewValueAndTheClockTime()
    {
        var store = Store();
        await store.ChangeAsync("Audited", _ => new RolloutOverride(Percentage: 10), "alice", "first", CancellationToken.None);

        var change = await store.ChangeAsync("Audited", old => old!.With(new RolloutOverride(Percentage: 20)), "bob", "second",
            CancellationToken.None);

        Assert.Equal(10, change.Old!.Percentage);
        var newest = (await store.AuditAsync(1, CancellationToken.None)).Single();
        Assert.Equal(("Audited", "bob", "second", Now.UtcDateTime), (newest.Endpoint, newest.ChangedBy, newest.Reason, newest.ChangedAt));
        Assert.Equal((10d, 20d), (newest.OldValue!.Percentage!.Value, newest.NewValue!.Percentage!.Value));
    }

    [Fact]
    public async Task ChangeAsync_ToAnEmptyOverride_RemovesTheRow()
    {
        var store = Store();
        await store.ChangeAsync("Emptied", _ => new RolloutOverride(Percentage: 10), "alice", null, CancellationToken.None);

        await store.ChangeAsync("Emptied", _ => new RolloutOverride(), "alice", null, CancellationToken.None);

        Assert.False((await store.LoadAsync(CancellationToken.None)).ContainsKey("Emptied"));
    }

    private PostgresRolloutOverrideStore Store() => new(database.DataSource, new FakeTimeProvider(Now));
}
