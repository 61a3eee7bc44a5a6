using CameraMonitor.Application.Statistics.Common;
using CameraMonitor.Testing;
using Dapper;

namespace CameraMonitor.Infrastructure.IntegrationTests.Statistics;

/// <summary>
/// Ingest adds the histogram up in process (BatchRollups) while rebuild_hourly_rollups() recounts it with the SQL
/// processing_ms_bucket(): both must put every duration in the same bucket, on the bucket bounds too.
/// </summary>
public sealed class ProcessingMsBucketTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task BucketOf_OnBoundsAndSeededRandomDurations_MatchesTheSqlBucket()
    {
        var random = new Random(16);
        var durations = Enumerable.Range(0, ProcessingMsHistogram.Buckets)
            .Select(k => ProcessingMsHistogram.Bounds(k).Upper)
            .SelectMany(bound => new[] { bound, Math.BitDecrement(bound), Math.BitIncrement(bound) })
            .Concat(Enumerable.Range(0, 2_000).Select(_ => Math.Pow(10, (random.NextDouble() * 7) - 2)))
            .Concat([0, 0.05, 0.1, 1, 10, 100, 1_000, 100_000, 3_600_000])
            .ToArray();
        await using var connection = await database.DataSource.OpenConnectionAsync();

        var sql = (await connection.QueryAsync<int>(
            "SELECT processing_ms_bucket(ms) FROM unnest(@Durations::double precision[]) WITH ORDINALITY AS d (ms, n) ORDER BY n",
            new { Durations = durations })).ToArray();

        var differing = durations.Where((ms, i) => ProcessingMsHistogram.BucketOf(ms) != sql[i])
            .Select(ms => $"{ms:R}: {ProcessingMsHistogram.BucketOf(ms)}").ToList();
        Assert.Empty(differing);
        Assert.Equal(ProcessingMsHistogram.Buckets, sql.Distinct().Count());
    }
}
