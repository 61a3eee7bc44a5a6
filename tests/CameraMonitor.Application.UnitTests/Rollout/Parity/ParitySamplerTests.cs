using CameraMonitor.Application.Common.Messaging;
using CameraMonitor.Application.Rollout.Evidence;
using CameraMonitor.Application.Rollout.Parity;
using CameraMonitor.Application.Rollout.Routing;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;

namespace CameraMonitor.Application.UnitTests.Rollout.Parity;

public sealed class ParitySamplerTests : IDisposable
{
    private const string Endpoint = "Sample";
    private EffectiveEndpointRollout _rollout = null!;
    private readonly ServedBy _servedBy = new();
    private readonly ServiceProvider _services;
    private readonly ParityQueue _queue;

    public ParitySamplerTests()
    {
        var legacy = Substitute.For<ILegacyHandler<SampleQuery, string>>();
        legacy.Handle(Arg.Any<SampleQuery>(), Arg.Any<CancellationToken>()).Returns("legacy");
        var domain = Substitute.For<IRequestHandler<SampleQuery, string>>();
        domain.Handle(Arg.Any<SampleQuery>(), Arg.Any<CancellationToken>()).Returns("domain");
        _services = new ServiceCollection()
            .AddSingleton(legacy)
            .AddSingleton(domain)
            .AddSingleton(Substitute.For<ILegacyHandler<SampleCommand, string>>())
            .AddScoped<ServedBy>()
            .AddMetrics()
            .AddSingleton<EvidenceRecorder>()
            .AddSingleton<RolloutMetrics>()
            .BuildServiceProvider();
        _queue = new ParityQueue(Options.Create(new ParityOptions { QueueCapacity = 10 }), _services.GetRequiredService<RolloutMetrics>());
        SampleRate(100);
    }

    [Theory]
    [InlineData(ServedPath.Domain)]
    [InlineData(ServedPath.Legacy)]
    public void Offer_AQueryServedByEitherPath_IsQueuedAtRate100(ServedPath path)
    {
        Sampler().Offer(Endpoint, _rollout, new SampleQuery(), path, "answer");

        Assert.True(_queue.Reader.TryRead(out _));
    }

    [Fact]
    public void Offer_AtRate0_QueuesNothing()
    {
        SampleRate(0);

        Sampler().Offer(Endpoint, _rollout, new SampleQuery(), ServedPath.Domain, "answer");

        Assert.False(_queue.Reader.TryRead(out _));
    }

    [Fact]
    public void Offer_AFallback_IsNotSampled()
    {
        Sampler().Offer(Endpoint, _rollout, new SampleQuery(), ServedPath.LegacyFallback, "answer");

        Assert.False(_queue.Reader.TryRead(out _));
    }

    [Fact]
    public void Offer_ACommand_IsNeverSampled()
    {
        Sampler().Offer(Endpoint, _rollout, new SampleCommand(), ServedPath.Domain, "answer");

        Assert.False(_queue.Reader.TryRead(out _));
    }

    [Fact]
    public async Task ShadowRun_OfALegacyServedQuery_RunsTheDomainHandler_AndLeavesTheCallersServedByAlone()
    {
        _servedBy.Path = ServedPath.Legacy;
        Sampler().Offer(Endpoint, _rollout, new SampleQuery(), ServedPath.Legacy, "answer");
        Assert.True(_queue.Reader.TryRead(out var work));

        await using var scope = _services.CreateAsyncScope();
        var result = await work.RunAsync(scope.ServiceProvider, CancellationToken.None);

        Assert.Equal("\"domain\"", result.Domain!.ToJsonString());
        Assert.Equal("\"answer\"", result.Legacy!.ToJsonString()); // what the caller got
        Assert.Equal((ServedPath.Legacy, "\"legacy\""), (result.Served, result.ServedAgain!.ToJsonString())); // the A/A run
        Assert.Equal(ServedPath.Legacy, _servedBy.Path);
        Assert.Null(scope.ServiceProvider.GetRequiredService<ServedBy>().Path);
    }

    [Fact]
    public void Offer_WhenTheBudgetIsSpent_KeepsNothingOfTheSample_AndCountsItSkippedForBudget()
    {
        var clock = new FakeTimeProvider();
        var metrics = _services.GetRequiredService<RolloutMetrics>();
        var queue = new ParityQueue(Options.Create(new ParityOptions
        {
            QueueCapacity = 10,
            Budget = new ShadowBudgetOptions { ComparisonsPerSecond = 1, Burst = 1 },
        }), metrics, clock);
        var sampler = new ParitySampler(queue);

        for (var i = 0; i < 3; i++)
        {
            sampler.Offer(Endpoint, _rollout, new SampleQuery(), ServedPath.Domain, "answer");
        }

        clock.Advance(TimeSpan.FromSeconds(1));
        sampler.Offer(Endpoint, _rollout, new SampleQuery(), ServedPath.Domain, "answer");

        Assert.Equal(2, Drain(queue).Count); // the first one and the one after the refill; nothing of the two refused
        var sampling = metrics.Evidence.Drain(DateTime.UnixEpoch, DateTime.UnixEpoch).Comparisons
            .Single(c => c.Field == ComparisonKinds.Sampling);
        Assert.Equal((4L, 2L), (sampling.Samples, sampling.Skipped));
    }

    [Fact]
    public void TryEnqueue_WhenTheQueueIsFull_DropsAndCounts()
    {
        var metrics = _services.GetRequiredService<RolloutMetrics>();
        var queue = new ParityQueue(Options.Create(new ParityOptions { QueueCapacity = 1 }), metrics);
        var work = new ParityWork<SampleQuery, string>(new SampleQuery(), ServedPath.Domain, "x", new ParityRules([], []));

        Assert.True(queue.TryEnqueue(work));
        Assert.False(queue.TryEnqueue(work));
        Assert.False(queue.TryEnqueue(work));

        var parity = metrics.Evidence.Drain(DateTime.UnixEpoch, DateTime.UnixEpoch).Comparisons.Single();
        Assert.Equal(("Sample", ComparisonKinds.Parity, 2L), (parity.Endpoint, parity.Kind, parity.Skipped));
    }

    public void Dispose() => _services.Dispose();

    private static List<IParityWork> Drain(ParityQueue queue)
    {
        var works = new List<IParityWork>();
        while (queue.Reader.TryRead(out var work))
        {
            works.Add(work);
        }

        return works;
    }

    private void SampleRate(double rate) => _rollout = new EffectiveEndpointRollout(Endpoint, 0, RolloutSources.Default, [], [], rate);

    private ParitySampler Sampler() => new(_queue);

    public sealed record SampleQuery : IQuery<string>;

    public sealed record SampleCommand : ICommand<string>;
}
