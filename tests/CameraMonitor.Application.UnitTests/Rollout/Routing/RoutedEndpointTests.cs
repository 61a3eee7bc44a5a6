using System.Diagnostics.Metrics;
using CameraMonitor.Application.Common.Messaging;
using CameraMonitor.Application.Rollout.Evidence;
using CameraMonitor.Application.Rollout.Parity;
using CameraMonitor.Application.Rollout.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NSubstitute;

namespace CameraMonitor.Application.UnitTests.Rollout.Routing;

public sealed class RoutedEndpointTests : IDisposable
{
    private readonly IRolloutState _state = Substitute.For<IRolloutState>();
    private readonly ServiceProvider _services;
    private readonly EvidenceRecorder _evidence = new();
    private readonly RolloutMetrics _metrics;
    private readonly ParityQueue _parityQueue;

    public RoutedEndpointTests()
    {
        _services = new ServiceCollection()
            .AddSingleton(Substitute.For<ILegacyHandler<SampleQuery, string>>())
            .AddMetrics()
            .BuildServiceProvider();
        _metrics = new RolloutMetrics(_services.GetRequiredService<IMeterFactory>(), _evidence);
        _parityQueue = new ParityQueue(Options.Create(new ParityOptions { QueueCapacity = 10 }), _metrics);
    }

    public static TheoryData<ServedPath, string> PathsAndGroups()
    {
        var data = new TheoryData<ServedPath, string>();
        foreach (var path in Enum.GetValues<ServedPath>())
        {
            foreach (var group in new[] { RoutingDecision.Percentage, RoutingDecision.ForceDomain, RoutingDecision.AllowList,
                         RoutingDecision.DenyList, RoutingDecision.KillSwitch, "a-group-no-decision-makes" })
            {
                data.Add(path, group);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PathsAndGroups))]
    public void RecordAttempt_CountsEachAttemptUnderItsOwnPathAndGroup(ServedPath path, string group)
    {
        var endpoint = Endpoint<SampleQuery>();
        var other = path == ServedPath.Domain ? ServedPath.Legacy : ServedPath.Domain;

        endpoint.RecordAttempt(path, group, 2, failed: false);
        endpoint.RecordAttempt(path, group, 3, failed: true);
        endpoint.RecordAttempt(other, RoutingDecision.Percentage, 4, failed: false);

        var attempts = _evidence.Drain(DateTime.UnixEpoch, DateTime.UnixEpoch).Attempts;
        var recorded = attempts.Single(a => a.Path == path.ToName() && a.Group == group);
        Assert.Equal(("Sample", 2L, 1L), (recorded.Endpoint, recorded.Requests, recorded.Failures));
        Assert.Equal(1L, attempts.Single(a => a.Path == other.ToName()).Requests);
        Assert.Equal(2, attempts.Count);
    }

    [Fact]
    public void RecordAttempt_KeepsCountingIntoTheRecordersCounters_AcrossDrains()
    {
        var endpoint = Endpoint<SampleQuery>();
        endpoint.RecordAttempt(ServedPath.Domain, RoutingDecision.Percentage, 1, failed: false);
        _ = _evidence.Drain(DateTime.UnixEpoch, DateTime.UnixEpoch);

        endpoint.RecordAttempt(ServedPath.Domain, RoutingDecision.Percentage, 1, failed: false);
        _evidence.RecordAttempt("Sample", "domain", RoutingDecision.Percentage, 1, failed: false);

        Assert.Equal(2L, _evidence.Drain(DateTime.UnixEpoch, DateTime.UnixEpoch).Attempts.Single().Requests);
        Assert.Equal((2L + 1L, 0L), _evidence.Totals()[("Sample", "domain")]);
    }

    [Fact]
    public void OfferForParity_ReadsTheRolloutAgain_WhenTheStateVersionMoves()
    {
        var version = 1L;
        var rate = 0d;
        _state.Version.Returns(_ => version);
        _state.Get("Sample").Returns(_ => new EffectiveEndpointRollout("Sample", 100, RolloutSources.Default, [], [], rate));
        var endpoint = Endpoint<SampleQuery>();

        endpoint.OfferForParity(new SampleQuery(), ServedPath.Domain, "answer");
        rate = 100;
        endpoint.OfferForParity(new SampleQuery(), ServedPath.Domain, "answer"); // same version: the kept rollout (rate 0)
        Assert.False(_parityQueue.Reader.TryRead(out _));

        version = 2;
        endpoint.OfferForParity(new SampleQuery(), ServedPath.Domain, "answer");
        Assert.True(_parityQueue.Reader.TryRead(out var work));
        Assert.Equal("Sample", work.Endpoint);
        _state.Received(2).Get("Sample");
    }

    [Fact]
    public void HasLegacy_SaysWhetherTheRequestTypeHasALegacyHandler()
    {
        Assert.True(Endpoint<SampleQuery>().HasLegacy);
        Assert.False(Endpoint<UnroutedQuery>().HasLegacy);
        Assert.Equal(("Sample", "Unrouted"), (RoutedEndpoint<SampleQuery, string>.Name, RoutedEndpoint<UnroutedQuery, string>.Name));
    }

    public void Dispose()
    {
        _metrics.Dispose();
        _services.Dispose();
    }

    private RoutedEndpoint<TRequest, string> Endpoint<TRequest>() where TRequest : IQuery<string> =>
        new(_services.GetRequiredService<IServiceProviderIsService>(), Substitute.For<IRolloutRouter>(), _state, _metrics,
            new ParitySampler(_parityQueue));

    public sealed record SampleQuery : IQuery<string>;

    public sealed record UnroutedQuery : IQuery<string>;
}
