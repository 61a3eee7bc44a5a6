using CameraMonitor.Infrastructure.Persistence.Ingest;
using CameraMonitor.Infrastructure.Persistence.Repositories;
using CameraMonitor.Infrastructure.Persistence.Retention;
using Dapper;

namespace CameraMonitor.Infrastructure.IntegrationTests.Persistence.Retention;

/// <summary>
/// Partition maintenance against real PostgreSQL, each test on a database of its own (it changes the partitions).
/// Days are counted from the first daily partition migration 0016 made ("tomorrow" when the database was created),
/// read from the catalog, so no assertion depends on the wall clock.
/// </summary>
public sealed class PartitionMaintainerTests
{
    [Fact]
    public async Task RunOnce_WhenRetentionIsSet_DropsWholePartitionsBeforeTheCutoffAndKeepsTheRest()
    {
        await using var db = await TestDatabase.CreateAsync();
        var first = db.FirstDay; // partitions exist for first … first+7, the pre-partitioning one before it
        var dropped = new[]
        {
            await db.InsertAsync(first.AddDays(-400)), await db.InsertAsync(new DateTime(1901, 1, 1, 0, 0, 0, DateTimeKind.Utc)),
            await db.InsertAsync(first.AddDays(2).AddHours(12)), await db.InsertAsync(first.AddDays(6).AddTicks(-10)),
        };
        var kept = new[]
        {
            await db.InsertAsync(first.AddDays(6)), await db.InsertAsync(first.AddDays(7).AddHours(3)),
            await db.InsertAsync(first.AddDays(10)), // no partition yet: the default one holds it
            await db.InsertAsync(DateTime.MaxValue), // infinity, in the default partition
        };
        await db.ExecuteAsync("SELECT rebuild_hourly_rollups()");

        // Today is first+11, retention 5 days: the cutoff is first+6 00:00.
        var result = await db.Maintainer(first.AddDays(11).AddHours(12), new RetentionOptions { Days = 5, PartitionsAheadDays = 2 })
            .RunOnceAsync(CancellationToken.None);

        Assert.False(result.Skipped);
        Assert.Equal(kept, await db.IdsAsync("detection_records"));
        Assert.Equal(kept, await db.IdsAsync("violations", "detection_id"));
        Assert.Contains("detection_records_pre_partitioning", result.DroppedPartitions);
        Assert.Contains($"violations_p{first.AddDays(5):yyyyMMdd}", result.DroppedPartitions);
        Assert.DoesNotContain($"detection_records_p{first.AddDays(6):yyyyMMdd}", result.DroppedPartitions);
        Assert.Equal(2 * 7, result.DroppedPartitions.Count); // pre-partitioning + first … first+5, of both tables
        Assert.Equal(
            [$"detection_records_p{first.AddDays(11):yyyyMMdd}", $"detection_records_p{first.AddDays(12):yyyyMMdd}",
             $"detection_records_p{first.AddDays(13):yyyyMMdd}"],
            result.CreatedPartitions.Where(p => p.StartsWith("detection_records", StringComparison.Ordinal)));
        // Rollups follow the same cutoff: none before it, the kept hours still there.
        Assert.Equal(0, await db.ScalarAsync<long>("SELECT count(*) FROM detection_hourly_rollups WHERE hour < @Cutoff",
            new { Cutoff = first.AddDays(6) }));
        Assert.Equal(0, await db.ScalarAsync<long>("SELECT count(*) FROM violation_daily_rollups WHERE day < @Cutoff",
            new { Cutoff = first.AddDays(6) }));
        Assert.Equal(4, await db.ScalarAsync<long>("SELECT sum(detection_count) FROM detection_daily_rollups"));
    }

    [Fact]
    public async Task RunOnce_WhenALateRowLandsInTheDefaultPartitionBeforeTheCutoff_DeletesItByRange()
    {
        await using var db = await TestDatabase.CreateAsync();
        var first = db.FirstDay;
        var options = new RetentionOptions { Days = 5, PartitionsAheadDays = 1 };
        await db.Maintainer(first.AddDays(11), options).RunOnceAsync(CancellationToken.None);
        var late = await db.InsertAsync(first.AddDays(3)); // its partition is gone: the default one takes it
        var recent = await db.InsertAsync(first.AddDays(9));
        Assert.Equal("detection_records_default", await db.PartitionOfAsync("detection_records", late));

        var result = await db.Maintainer(first.AddDays(11), options).RunOnceAsync(CancellationToken.None);

        Assert.Equal([recent], await db.IdsAsync("detection_records"));
        Assert.Equal(1, result.DeletedRows["detection_records_default"]);
        Assert.Equal(1, result.DeletedRows["violations_default"]);
    }

    [Fact]
    public async Task RunOnce_WhenRowsOfADayWaitInTheDefaultPartition_MovesThemIntoTheNewPartition()
    {
        await using var db = await TestDatabase.CreateAsync();
        var day = db.FirstDay.AddDays(20);
        var id = await db.InsertAsync(day.AddHours(5));
        Assert.Equal("detection_records_default", await db.PartitionOfAsync("detection_records", id));

        await db.Maintainer(day, new RetentionOptions()).RunOnceAsync(CancellationToken.None);

        Assert.Equal($"detection_records_p{day:yyyyMMdd}", await db.PartitionOfAsync("detection_records", id));
        Assert.Equal($"violations_p{day:yyyyMMdd}", await db.PartitionOfAsync("violations", id, "detection_id"));
    }

    [Fact]
    public async Task RunOnce_WhenRetentionIsOff_MakesPartitionsAheadAndDeletesNothing()
    {
        await using var db = await TestDatabase.CreateAsync();
        var old = await db.InsertAsync(db.FirstDay.AddDays(-3000));
        await db.ExecuteAsync("SELECT rebuild_hourly_rollups()");

        var result = await db.Maintainer(db.FirstDay.AddDays(3000), new RetentionOptions { Days = 0, PartitionsAheadDays = 3 })
            .RunOnceAsync(CancellationToken.None);

        Assert.Equal(2 * 4, result.CreatedPartitions.Count);
        Assert.Empty(result.DroppedPartitions);
        Assert.Empty(result.DeletedRows);
        Assert.Equal([old], await db.IdsAsync("detection_records"));
        Assert.Equal(1, await db.ScalarAsync<long>("SELECT count(*) FROM detection_hourly_rollups"));
    }

    [Fact]
    public async Task RunOnce_WhenRollupsAreKeptLonger_DeletesOnlyRollupsBeforeTheirOwnCutoff()
    {
        await using var db = await TestDatabase.CreateAsync();
        var first = db.FirstDay;
        await db.InsertAsync(first.AddDays(1));
        await db.InsertAsync(first.AddDays(4));
        await db.ExecuteAsync("SELECT rebuild_hourly_rollups()");

        // Raw rows before first+8, rollups before first+3.
        await db.Maintainer(first.AddDays(10), new RetentionOptions { Days = 2, RollupDays = 7, PartitionsAheadDays = 1 })
            .RunOnceAsync(CancellationToken.None);

        Assert.Empty(await db.IdsAsync("detection_records"));
        Assert.Equal([first.AddDays(4)], (await db.QueryAsync<DateTime>("SELECT day FROM detection_daily_rollups")).ToList());
    }

    [Fact]
    public async Task RunOnce_WhenTwoInstancesMaintainAtOnce_EachPartitionIsMadeOnceAndNeitherFails()
    {
        await using var db = await TestDatabase.CreateAsync();
        var today = db.FirstDay.AddDays(30);
        var options = new RetentionOptions { Days = 10, PartitionsAheadDays = 5 };

        var results = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ =>
            Task.Run(() => db.Maintainer(today, options).RunOnceAsync(CancellationToken.None))));

        var created = results.SelectMany(r => r.CreatedPartitions).ToList();
        Assert.Equal(created.Distinct().Count(), created.Count);
        Assert.Equal(2 * 6, created.Count);
    }

    [Fact]
    public async Task RunOnce_WhenAnotherInstanceHoldsTheMaintenanceLock_SkipsItsTurn()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var other = await db.DataSource.OpenConnectionAsync();
        await other.ExecuteAsync("SELECT pg_advisory_lock(@Key)", new { Key = 0x72657461696eL }); // "retain", the maintainer's key

        var result = await db.Maintainer(db.FirstDay.AddDays(40), new RetentionOptions { Days = 1 }).RunOnceAsync(CancellationToken.None);

        Assert.True(result.Skipped);
        Assert.Empty(result.CreatedPartitions);
    }

    [Fact]
    public async Task Ingest_WhenRowsAreFarInThePastOrFuture_AcceptsThemAndReadsThemBack()
    {
        await using var db = await TestDatabase.CreateAsync();
        var stamps = new[]
        {
            new DateTime(1901, 1, 1, 0, 0, 0, DateTimeKind.Utc), db.FirstDay.AddHours(1), new DateTime(2999, 12, 31, 0, 0, 0, DateTimeKind.Utc),
        };
        await using var session = db.CreateSession();
        var ids = await session.ExecuteInTransactionAsync(ct => DetectionIngestWriter.WriteAsync(session,
            stamps.Select(t => new IngestRecordRow("edge", t, 1, "[]", 2.5, [new IngestViolationRow("no_helmet", 0.9, null)])).ToList(),
            ct), CancellationToken.None);

        Assert.Equal("detection_records_pre_partitioning", await db.PartitionOfAsync("detection_records", ids[0]));
        Assert.Equal($"detection_records_p{db.FirstDay:yyyyMMdd}", await db.PartitionOfAsync("detection_records", ids[1]));
        Assert.Equal("detection_records_default", await db.PartitionOfAsync("detection_records", ids[2]));
        await using var readSession = db.CreateSession();
        var page = await DetectionRecordSql.QueryPageAsync(readSession, "edge", null, null, 10, 0, null, CancellationToken.None);
        Assert.Equal(ids.Reverse(), page.Select(r => r.Id));
        var violation = await new ViolationRepository(readSession).FindAsync(
            await db.ScalarAsync<long>("SELECT id FROM violations WHERE detection_id = @Id", new { Id = ids[2] }), CancellationToken.None);
        Assert.Equal(ids[2], violation?.DetectionId);
    }
}
