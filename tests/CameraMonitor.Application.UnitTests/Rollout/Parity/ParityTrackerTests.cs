using System.Text.Json.Nodes;
using CameraMonitor.Application.Rollout.Evidence;
using CameraMonitor.Application.Rollout.Parity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CameraMonitor.Application.UnitTests.Rollout.Parity;

public sealed class ParityTrackerTests : IDisposable
{
    private static readonly ParityRules NoRules = new([], []);
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly RolloutMetrics _metrics;
    private readonly ParityTracker _tracker;

    public ParityTrackerTests()
    {
        _metrics = new RolloutMetrics(_services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>());
        _tracker = new ParityTracker(Options.Create(new ParityOptions { RelativeMargin = 0.2, AbsoluteMargin = 0.05 }),
            _metrics, new FakeTimeProvider());
    }

    [Fact]
    public void Record_AFieldThatOnlyTheDomainChanges_IsAMismatch()
    {
        var counted = _tracker.Record(Sample(domain: """{"a":2}""", legacy: """{"a":1}""", legacyAgain: """{"a":1}"""));

        Assert.Equal("a", Assert.Single(counted).Path);
        Assert.Equal(1, _tracker.Report("E").Mismatched);
    }

    [Fact]
    public void Record_AFieldThatDiffersAsOftenBetweenTwoLegacyRuns_IsNoiseNotAMismatch()
    {
        for (var i = 0; i < 10; i++)
        {
            _tracker.Record(Sample(domain: $$"""{"t":{{i}},"a":1}""", legacy: $$"""{"t":{{i + 100}},"a":1}""", legacyAgain: $$"""{"t":{{i + 200}},"a":1}"""));
        }

        var report = _tracker.Report("E");
        Assert.Equal(10, report.Matched);
        Assert.Equal(1.0, report.NonDeterministicFields["t"]);
    }

    [Fact]
    public void Record_AFieldTheDomainBreaksFarMoreOftenThanItsNoise_StillCounts()
    {
        // Noise: "t" differs legacy-vs-legacy in 1 of 10 samples; the domain differs on it in every one, and
        // (1.0 − 0.1) beats both the absolute (0.05) and the relative (20 %) margin.
        for (var i = 0; i < 10; i++)
        {
            _tracker.Record(Sample(domain: """{"t":0}""", legacy: """{"t":1}""", legacyAgain: i == 9 ? """{"t":2}""" : """{"t":1}"""));
        }

        var report = _tracker.Report("E");
        Assert.Equal(10, report.Mismatched);
        Assert.Equal(0.1, report.NonDeterministicFields["t"]);
    }

    [Fact]
    public void Report_KeepsOnlyTheLatestDiffs()
    {
        var tracker = new ParityTracker(Options.Create(new ParityOptions { RecentDiffs = 2 }), _metrics, new FakeTimeProvider());
        for (var i = 0; i < 5; i++)
        {
            tracker.Record(Sample(domain: $$"""{"a":{{i}}}""", legacy: """{"a":-1}""", legacyAgain: """{"a":-1}"""));
        }

        var recent = tracker.Report("E").RecentDiffs;
        Assert.Equal(["4", "3"], recent.Select(d => d.DomainValue));
    }

    public void Dispose()
    {
        _metrics.Dispose();
        _services.Dispose();
    }

    private static ParityResult Sample(string domain, string legacy, string legacyAgain) =>
        new("E", NoRules, JsonNode.Parse(domain), JsonNode.Parse(legacy), JsonNode.Parse(legacyAgain));
}
