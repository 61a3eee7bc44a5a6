using CameraMonitor.Application.Common.Messaging;
using CameraMonitor.Application.Common.Provenance;
using CameraMonitor.Application.Rollout.Evidence;
using CameraMonitor.Application.Rollout.Parity;
using CameraMonitor.Application.Rollout.Routing;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CameraMonitor.Application.UnitTests.Rollout.Parity;

/// <summary>
/// A caller served a stored answer (a snapshot): the shadow runs read live data, so the snapshot's age is part of the gap
/// the A/A rerun measures, like the gap between any answer and its shadow (docs/operations.md, "Snapshots").
/// </summary>
public sealed class ParityWorkTests : IDisposable
{
    private static readonly ParityRules NoRules = new([], []);
    private readonly ServiceProvider _services;
    private readonly ParityTracker _tracker;

    public ParityWorkTests()
    {
        _services = new ServiceCollection()
            .AddScoped<ResponseProvenance>()
            .AddScoped<IRequestHandler<CountQuery, CountAnswer>, SnapshotServingHandler>()
            .AddScoped<ILegacyHandler<CountQuery, CountAnswer>, LiveLegacyHandler>()
            .AddSingleton(new Counts())
            .AddMetrics()
            .AddSingleton<EvidenceRecorder>()
            .AddSingleton<RolloutMetrics>()
            .BuildServiceProvider();
        _tracker = new ParityTracker(Options.Create(new ParityOptions()), _services.GetRequiredService<RolloutMetrics>(), new FakeTimeProvider());
    }

    [Fact]
    public async Task RunAsync_WhenTheCallerGotASnapshotAndTheDataMovedSince_ComparesLiveShadows_AndCountsNoMismatch()
    {
        var counts = _services.GetRequiredService<Counts>();
        (counts.Snapshot, counts.LiveDomain, counts.Legacy) = (10, 11, 11);

        var result = await RunAsync(new CountAnswer(counts.Snapshot));
        var counted = _tracker.Record(result);

        Assert.Equal((11L, 11L), (result.Legacy!["total"]!.GetValue<long>(), result.ServedAgain!["total"]!.GetValue<long>()));
        Assert.Empty(counted);
        Assert.Equal(1.0, _tracker.Report(result.Endpoint).NonDeterministicFields["total"]);
    }

    [Fact]
    public async Task RunAsync_WhenTheSnapshotAndTheLiveDomainAgreeButLegacyDiffers_CountsTheMismatch()
    {
        var counts = _services.GetRequiredService<Counts>();
        (counts.Snapshot, counts.LiveDomain, counts.Legacy) = (12, 12, 11);

        var counted = _tracker.Record(await RunAsync(new CountAnswer(counts.Snapshot)));

        Assert.Equal("total", Assert.Single(counted).Path);
    }

    public void Dispose() => _services.Dispose();

    private async Task<ParityResult> RunAsync(CountAnswer served)
    {
        await using var scope = _services.CreateAsyncScope();
        return await new ParityWork<CountQuery, CountAnswer>(new CountQuery(), ServedPath.Domain, served, NoRules)
            .RunAsync(scope.ServiceProvider, CancellationToken.None);
    }

    public sealed record CountQuery : IQuery<CountAnswer>;

    public sealed record CountAnswer(long Total);

    public sealed class Counts
    {
        public long Snapshot { get; set; }

        public long LiveDomain { get; set; }

        public long Legacy { get; set; }
    }

    /// <summary>Serves the stored count unless the run must read live data, as the statistics handlers do.</summary>
    private sealed class SnapshotServingHandler(ResponseProvenance provenance, Counts counts) : IRequestHandler<CountQuery, CountAnswer>
    {
        public Task<CountAnswer> Handle(CountQuery request, CancellationToken cancellationToken) =>
            Task.FromResult(new CountAnswer(provenance.LiveDataRequired ? counts.LiveDomain : counts.Snapshot));
    }

    private sealed class LiveLegacyHandler(Counts counts) : ILegacyHandler<CountQuery, CountAnswer>
    {
        public Task<CountAnswer> Handle(CountQuery request, CancellationToken cancellationToken) =>
            Task.FromResult(new CountAnswer(counts.Legacy));
    }
}
