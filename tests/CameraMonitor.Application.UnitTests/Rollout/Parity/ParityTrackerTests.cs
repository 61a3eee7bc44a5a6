using System.Text.Json.Nodes;
using CameraMonitor.Application.Rollout.Evidence;
using CameraMonitor.Application.Rollout.Parity;
using CameraMonitor.Application.Rollout.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CameraMonitor.Application.UnitTests.Rollout.Parity;

public sealed class ParityTrackerTests : IDisposable
{
    private static readonly ParityRules NoRules = new([], []);
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly EvidenceRecorder _evidence = new();
    private readonly RolloutMetrics _metrics;
    private readonly FakeTimeProvider _clock = new();
    private readonly ParityTracker _tracker;

    public ParityTrackerTests()
    {
        _metrics = new RolloutMetrics(_services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), _evidence);
        _tracker = Tracker(new ParityOptions { RelativeMargin = 0.2, AbsoluteMargin = 0.05 });
    }

    [Fact]
    public void Record_AFieldThatOnlyTheDomainChanges_IsAMismatch()
    {
        var counted = _tracker.Record(Sample(domain: """{"a":2}""", legacy: """{"a":1}""", again: """{"a":1}"""));

        Assert.Equal("a", Assert.Single(counted).Path);
        Assert.Equal(1, _tracker.Report("E").Mismatched);
    }

    [Fact]
    public void Record_AFieldThatDiffersAsOftenBetweenTwoRunsOfTheSameSide_IsNoiseNotAMismatch()
    {
        for (var i = 0; i < 10; i++)
        {
            _tracker.Record(Sample(domain: $$"""{"t":{{i}},"a":1}""", legacy: $$"""{"t":{{i + 100}},"a":1}""", again: $$"""{"t":{{i + 200}},"a":1}"""));
        }

        var report = _tracker.Report("E");
        Assert.Equal(10, report.Matched);
        Assert.Equal(1.0, report.NonDeterministicFields["t"]);
        var t = Assert.Single(report.Fields);
        Assert.Equal(("t", 1.0, 1.0, 0.0, _clock.GetUtcNow().UtcDateTime), (t.Field, t.DifferedRate, t.NoiseRate, t.MismatchRate, t.NoisySince));
    }

    [Fact]
    public void Record_ANoisyFieldTheDomainBreaksFarMoreOftenThanItsNoise_StillCounts()
    {
        // Noise: "t" differs A/A in the last of 10 samples; the domain differs on it in every one, and
        // (1.0 − 0.1) beats both the absolute (0.05) and the relative (20 %) margin.
        for (var i = 0; i < 10; i++)
        {
            _tracker.Record(Sample(domain: """{"t":0}""", legacy: """{"t":1}""", again: i == 9 ? """{"t":2}""" : """{"t":1}"""));
        }

        var report = _tracker.Report("E");
        Assert.Equal(10, report.Mismatched);
        Assert.Equal(0.1, report.NonDeterministicFields["t"]);
    }

    [Fact]
    public void Record_DriftAfterThousandsOfHealthySamples_IsCountedFromItsFirstSample()
    {
        var tracker = Tracker(new ParityOptions { NoiseWindowSamples = 500 });
        for (var i = 0; i < 5000; i++)
        {
            tracker.Record(Sample(domain: """{"a":1,"b":2}""", legacy: """{"a":1,"b":2}""", again: """{"a":1,"b":2}"""));
        }

        var first = tracker.Record(Sample(domain: """{"a":1,"b":3}""", legacy: """{"a":1,"b":2}""", again: """{"a":1,"b":2}"""));
        var second = tracker.Record(Sample(domain: """{"a":1,"b":3}""", legacy: """{"a":1,"b":2}""", again: """{"a":1,"b":2}"""));

        Assert.Equal("b", Assert.Single(first).Path);
        Assert.Equal("b", Assert.Single(second).Path);
        Assert.Equal((5000L, 2L), (tracker.Report("E").Matched, tracker.Report("E").Mismatched));
    }

    [Fact]
    public void Record_NoiseOlderThanTheWindow_NoLongerHidesADrift()
    {
        var tracker = Tracker(new ParityOptions { NoiseWindowSamples = 100 });
        // "b" was noisy long ago (A/A differed), then stable for a whole window.
        tracker.Record(Sample(domain: """{"b":1}""", legacy: """{"b":1}""", again: """{"b":9}"""));
        for (var i = 0; i < 100; i++)
        {
            tracker.Record(Sample(domain: """{"b":1}""", legacy: """{"b":1}""", again: """{"b":1}"""));
        }

        var drifted = tracker.Record(Sample(domain: """{"b":2}""", legacy: """{"b":1}""", again: """{"b":1}"""));

        Assert.Single(drifted);
        Assert.Empty(tracker.Report("E").NonDeterministicFields);
    }

    [Theory]
    [InlineData(ServedPath.Legacy)]
    [InlineData(ServedPath.Domain)]
    public void Record_AFieldRandomInBothImplementations_IsNoiseWhicheverPathServed(ServedPath served)
    {
        var random = new Random(42);
        for (var i = 0; i < 200; i++)
        {
            var (domain, legacy, again) = (random.Next(), random.Next(), random.Next());
            Assert.Empty(_tracker.Record(new ParityResult("E", NoRules, Json($$"""{"id":{{domain}},"a":1}"""),
                Json($$"""{"id":{{legacy}},"a":1}"""), served, Json($$"""{"id":{{again}},"a":1}"""))));
        }

        var report = _tracker.Report("E");
        Assert.Equal((200L, 0L, 1.0), (report.Matched, report.Mismatched, report.NonDeterministicFields["id"]));
    }

    [Fact]
    public void Record_PublishesTheSampleAndEachFieldToTheEvidence()
    {
        _tracker.Record(Sample(domain: """{"a":2,"t":1}""", legacy: """{"a":1,"t":1}""", again: """{"a":1,"t":5}"""));

        var rows = _evidence.Drain(DateTime.UnixEpoch, DateTime.UnixEpoch).Comparisons.OrderBy(c => c.Field).ToList();

        Assert.Equal(
            [
                new ComparisonSlice("E", ComparisonKinds.Parity, "", 1, 1, 0, 0, 0),
                new ComparisonSlice("E", ComparisonKinds.Parity, "a", 1, 1, 0, 0, 0),
                new ComparisonSlice("E", ComparisonKinds.Parity, "t", 0, 0, 1, 0, 0),
            ],
            rows);
    }

    [Fact]
    public void Report_KeepsOnlyTheLatestDiffs()
    {
        var tracker = Tracker(new ParityOptions { RecentDiffs = 2 });
        for (var i = 0; i < 5; i++)
        {
            tracker.Record(Sample(domain: $$"""{"a":{{i}}}""", legacy: """{"a":-1}""", again: """{"a":-1}"""));
        }

        var recent = tracker.Report("E").RecentDiffs;
        Assert.Equal(["4", "3"], recent.Select(d => d.DomainValue));
    }

    public void Dispose()
    {
        _metrics.Dispose();
        _services.Dispose();
    }

    private ParityTracker Tracker(ParityOptions options) => new(Options.Create(options), _metrics, _clock);

    private static JsonNode? Json(string json) => JsonNode.Parse(json);

    // Legacy served the caller: the A/A run is legacy again.
    private static ParityResult Sample(string domain, string legacy, string again) =>
        new("E", NoRules, Json(domain), Json(legacy), ServedPath.Legacy, Json(again));
}
