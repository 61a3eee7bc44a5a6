using CameraMonitor.Application.Rollout.Evidence;

namespace CameraMonitor.Application.UnitTests.Rollout.Evidence;

public sealed class AttemptCounterTests
{
    [Fact]
    public async Task AttemptsFromManyThreads_AreAllCounted_InTheDrainAndInTheLifetimeTotals()
    {
        const int perThread = 50_000;
        var counter = new AttemptCounter();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < perThread; i++)
            {
                counter.Record(i % 7, failed: i % 3 == 0);
            }
        })));

        var failuresPerThread = (perThread + 2) / 3;
        var (requests, failures, latency) = counter.Drain();
        Assert.Equal((8L * perThread, 8L * failuresPerThread, 8L * perThread), (requests, failures, latency.Count));
        Assert.Equal(8L * ((perThread + 6) / 7), latency.CountIn(LatencyHistogram.BucketOf(0))); // the 0 ms ones
        Assert.Equal((0L, 0L, 0L), (counter.Drain().Requests, counter.Drain().Failures, counter.Drain().Latency.Count));
        Assert.Equal((8L * perThread, 8L * failuresPerThread), counter.Totals());
    }
}
