using CameraMonitor.Application.Rollout.Evidence;

namespace CameraMonitor.Application.UnitTests.Rollout.Evidence;

public sealed class EvidenceRecorderTests
{
    [Fact]
    public void Drain_SplitsByEndpointPathAndGroup_AndResetsTheCounts()
    {
        var recorder = new EvidenceRecorder();
        recorder.RecordAttempt("E", "domain", RouteGroups.Percentage, 2, failed: false);
        recorder.RecordAttempt("E", "domain", RouteGroups.Percentage, 3, failed: true);
        recorder.RecordAttempt("E", "domain", "force_domain", 4, failed: false);

        var first = recorder.Drain(DateTime.UnixEpoch, DateTime.UnixEpoch.AddSeconds(5));
        var second = recorder.Drain(DateTime.UnixEpoch.AddSeconds(5), DateTime.UnixEpoch.AddSeconds(10));

        var split = first.Attempts.Single(a => a.Group == RouteGroups.Percentage);
        var forced = first.Attempts.Single(a => a.Group == "force_domain");
        Assert.Equal((2L, 1L, 2L), (split.Requests, split.Failures, LatencyHistogram.FromCounts(split.LatencyBuckets).Count));
        Assert.Equal((1L, 0L), (forced.Requests, forced.Failures));
        Assert.Empty(second.Attempts);
        Assert.Equal(0, second.RowCount);
    }

    [Fact]
    public void Totals_CountEveryAttemptSinceTheStart_PerEndpointAndPath_ThroughDrains()
    {
        var recorder = new EvidenceRecorder();
        recorder.RecordAttempt("E", "domain", RouteGroups.Percentage, 2, failed: false);
        recorder.RecordAttempt("E", "domain", "force_domain", 3, failed: true);
        recorder.RecordAttempt("E", "legacy", RouteGroups.Percentage, 3, failed: false);
        recorder.Drain(DateTime.UnixEpoch, DateTime.UnixEpoch.AddSeconds(5));
        recorder.RecordAttempt("E", "domain", RouteGroups.Percentage, 4, failed: true);

        var totals = recorder.Totals();

        Assert.Equal((3L, 2L), totals[("E", "domain")]);
        Assert.Equal((1L, 0L), totals[("E", "legacy")]);
        Assert.Equal(2, totals.Count);
    }

    [Fact]
    public async Task RecordAttempt_WhileDraining_LosesAndDoublesNothing()
    {
        var recorder = new EvidenceRecorder();
        const int perThread = 50_000;
        long drained = 0, drainedLatencies = 0;
        using var stop = new CancellationTokenSource();
        var drainer = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                foreach (var row in recorder.Drain(DateTime.UnixEpoch, DateTime.UnixEpoch).Attempts)
                {
                    drained += row.Requests;
                    drainedLatencies += LatencyHistogram.FromCounts(row.LatencyBuckets).Count;
                }
            }
        });

        await Task.WhenAll(Enumerable.Range(0, 4).Select(t => Task.Run(() =>
        {
            for (var i = 0; i < perThread; i++)
            {
                recorder.RecordAttempt("E", t % 2 == 0 ? "domain" : "legacy", RouteGroups.Percentage, i % 100, failed: false);
            }
        })));
        await stop.CancelAsync();
        await drainer;
        foreach (var row in recorder.Drain(DateTime.UnixEpoch, DateTime.UnixEpoch).Attempts)
        {
            drained += row.Requests;
            drainedLatencies += LatencyHistogram.FromCounts(row.LatencyBuckets).Count;
        }

        Assert.Equal((4L * perThread, 4L * perThread), (drained, drainedLatencies));
    }
}
