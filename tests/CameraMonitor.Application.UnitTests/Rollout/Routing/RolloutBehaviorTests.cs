using System.Diagnostics;
using CameraMonitor.Application.Common.Errors;
using CameraMonitor.Application.Common.Faults;
using CameraMonitor.Application.Common.Idempotency;
using CameraMonitor.Application.Common.Messaging;
using CameraMonitor.Application.Common.Persistence;
using CameraMonitor.Application.Rollout.Evidence;
using CameraMonitor.Application.Rollout.Parity;
using CameraMonitor.Application.Rollout.Routing;
using CameraMonitor.Domain.Common;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NSubstitute;
using NSubstitute.ExceptionExtensions;

namespace CameraMonitor.Application.UnitTests.Rollout.Routing;

public sealed class RolloutBehaviorTests : IDisposable
{
    private readonly IRolloutRouter _router = Substitute.For<IRolloutRouter>();
    private readonly ILegacyHandler<SampleQuery, string> _legacy = Substitute.For<ILegacyHandler<SampleQuery, string>>();
    private readonly ILegacyHandler<SampleCommand, string> _legacyCommand = Substitute.For<ILegacyHandler<SampleCommand, string>>();
    private readonly IUnitOfWork _unitOfWork = Substitute.For<IUnitOfWork>();
    private readonly IInfrastructureFaults _faults = Substitute.For<IInfrastructureFaults>();
    private readonly ServedBy _servedBy = new();
    private readonly ServiceProvider _services;
    private readonly RolloutMetrics _metrics;
    private readonly IRolloutState _state = Substitute.For<IRolloutState>();
    private readonly ParityQueue _parityQueue;

    public RolloutBehaviorTests()
    {
        _legacy.Handle(Arg.Any<SampleQuery>(), Arg.Any<CancellationToken>()).Returns("legacy body");
        _legacyCommand.Handle(Arg.Any<SampleCommand>(), Arg.Any<CancellationToken>()).Returns("legacy write");
        _unitOfWork.ExecuteInTransactionAsync(Arg.Any<Func<CancellationToken, Task<string>>>(), Arg.Any<CancellationToken>())
            .Returns(call => call.Arg<Func<CancellationToken, Task<string>>>()(CancellationToken.None));
        _services = new ServiceCollection()
            .AddSingleton(_legacy)
            .AddSingleton(_legacyCommand)
            .AddSingleton(_unitOfWork)
            .AddSingleton(Substitute.For<IIdempotencyStore>())
            .AddSingleton(TimeProvider.System)
            .AddSingleton<CommandTransaction>()
            .AddMetrics()
            .BuildServiceProvider();
        _metrics = new RolloutMetrics(_services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), new EvidenceRecorder());
        _parityQueue = new ParityQueue(Options.Create(new ParityOptions { QueueCapacity = 10 }), _metrics);
        _state.Get(Arg.Any<string>()).Returns(new EffectiveEndpointRollout("Sample", 50, RolloutSources.Default, [], [], 100));
    }

    [Theory]
    [InlineData(true, ServedPath.Domain)]
    [InlineData(false, ServedPath.Legacy)]
    public async Task Handle_AQueryAnsweredByTheRoutedPath_IsOfferedForParity(bool domain, ServedPath served)
    {
        RouteTo(domain);

        await Behavior<SampleQuery>().Handle(new SampleQuery(), CancellationToken.None, () => Task.FromResult("domain body"));

        Assert.True(_parityQueue.Reader.TryRead(out var work));
        Assert.Equal("Sample", work.Endpoint);
        Assert.False(_parityQueue.Reader.TryRead(out _));
        Assert.Equal(served, _servedBy.Path);
    }

    [Fact]
    public async Task Handle_AFallbackAnswer_IsNotOfferedForParity()
    {
        RouteTo(domain: true);

        await Behavior<SampleQuery>().Handle(new SampleQuery(), CancellationToken.None,
            () => throw new InvalidOperationException("bug in the domain path"));

        Assert.Equal(ServedPath.LegacyFallback, _servedBy.Path);
        Assert.False(_parityQueue.Reader.TryRead(out _));
    }

    [Fact]
    public async Task Handle_ADomainAttemptThatCompletesLater_IsAwaitedAndRecorded()
    {
        RouteTo(domain: true);
        var pending = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);

        var handled = Behavior<SampleQuery>().Handle(new SampleQuery(), CancellationToken.None, () => pending.Task);
        Assert.False(handled.IsCompleted);
        pending.SetResult("late domain body");

        Assert.Equal("late domain body", await handled);
        var attempt = _metrics.Evidence.Drain(DateTime.UnixEpoch, DateTime.UnixEpoch).Attempts.Single();
        Assert.Equal(("domain", 1L, 0L), (attempt.Path, attempt.Requests, attempt.Failures));
    }

    [Fact]
    public async Task Handle_WhenRoutedToDomain_RunsTheDomainHandlerOnly()
    {
        RouteTo(domain: true);

        var response = await Behavior<SampleQuery>().Handle(new SampleQuery(), CancellationToken.None, () => Task.FromResult("domain body"));

        Assert.Equal("domain body", response);
        Assert.Equal(ServedPath.Domain, _servedBy.Path);
        await _legacy.DidNotReceiveWithAnyArgs().Handle(default!, default);
    }

    [Fact]
    public async Task Handle_WhenRoutedToLegacy_NeverCallsTheDomainHandler()
    {
        RouteTo(domain: false);
        var domainCalled = false;

        var response = await Behavior<SampleQuery>().Handle(new SampleQuery(), CancellationToken.None,
            () => { domainCalled = true; return Task.FromResult("domain body"); });

        Assert.Equal("legacy body", response);
        Assert.Equal(ServedPath.Legacy, _servedBy.Path);
        Assert.False(domainCalled);
    }

    [Fact]
    public async Task Handle_WhenTheDomainHandlerThrows_AnswersWithLegacyAsFallback()
    {
        RouteTo(domain: true);

        var response = await Behavior<SampleQuery>().Handle(new SampleQuery(), CancellationToken.None,
            () => throw new InvalidOperationException("bug in the domain path"));

        Assert.Equal("legacy body", response);
        Assert.Equal(ServedPath.LegacyFallback, _servedBy.Path);
    }

    [Fact]
    public async Task Handle_WhenItFallsBackInsideARequestSpan_TagsThatSpanAndRunsLegacyUnderAFallbackSpan()
    {
        RouteTo(domain: true);
        using var spans = new RecordedSpans();
        using var request = new Activity("test request").Start();
        request.ActivityTraceFlags |= ActivityTraceFlags.Recorded;
        request.IsAllDataRequested = true;

        await Behavior<SampleQuery>().Handle(new SampleQuery(), CancellationToken.None,
            () => throw new InvalidOperationException("bug in the domain path"));

        Assert.Equal("Sample", request.GetTagItem(RolloutTracing.EndpointTag));
        Assert.Equal("percentage", request.GetTagItem(RolloutTracing.ReasonTag));
        Assert.Equal("legacy-fallback", request.GetTagItem(RolloutTracing.PathTag));
        var fallback = Assert.Single(spans.Stopped, span => span.TraceId == request.TraceId);
        Assert.Equal("rollout Sample fallback", fallback.DisplayName);
        Assert.Equal(request.SpanId, fallback.ParentSpanId);
        Assert.Equal("fallback", Assert.Single(fallback.Events).Name);
    }

    [Fact]
    public async Task Handle_OutsideARequestSpan_TracesTheDecisionInASpanOfItsOwn()
    {
        RouteTo(domain: true);
        using var spans = new RecordedSpans();

        await Behavior<SampleQuery>().Handle(new SampleQuery(), CancellationToken.None, () => Task.FromResult("domain body"));

        // Test classes run in parallel and share the source: only this class routes an endpoint called "Sample".
        var span = Assert.Single(spans.Stopped, span => span.DisplayName.StartsWith("rollout Sample", StringComparison.Ordinal));
        Assert.Equal("rollout Sample", span.DisplayName);
        Assert.Equal("percentage", span.GetTagItem(RolloutTracing.ReasonTag));
        Assert.Equal("domain", span.GetTagItem(RolloutTracing.PathTag));
    }

    /// <summary>Every span of the rollout source stopped while it listens, recorded with all data.</summary>
    private sealed class RecordedSpans : IDisposable
    {
        private readonly ActivityListener _listener;
        private readonly List<Activity> _stopped = [];

        public RecordedSpans()
        {
            _listener = new ActivityListener
            {
                ShouldListenTo = source => source.Name == RolloutTracing.SourceName,
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = activity =>
                {
                    lock (_stopped)
                    {
                        _stopped.Add(activity);
                    }
                },
            };
            ActivitySource.AddActivityListener(_listener);
        }

        public IReadOnlyList<Activity> Stopped
        {
            get
            {
                lock (_stopped)
                {
                    return _stopped.ToList();
                }
            }
        }

        public void Dispose() => _listener.Dispose();
    }

    [Fact]
    public async Task Handle_WhenTheDomainHandlerReportsNotFound_RethrowsWithoutFallback()
    {
        RouteTo(domain: true);

        await Assert.ThrowsAsync<NotFoundException>(() => Behavior<SampleQuery>().Handle(new SampleQuery(),
            CancellationToken.None, () => throw new NotFoundException("camera", "cam9")));

        Assert.Equal(ServedPath.Domain, _servedBy.Path);
        await _legacy.DidNotReceiveWithAnyArgs().Handle(default!, default);
    }

    [Fact]
    public async Task Handle_WhenTheDomainModelRejectsTheInput_RethrowsWithoutFallback()
    {
        RouteTo(domain: true);

        await Assert.ThrowsAsync<DomainException>(() => Behavior<SampleQuery>().Handle(new SampleQuery(),
            CancellationToken.None, () => throw new DomainException("name", "name must not be empty.")));

        await _legacy.DidNotReceiveWithAnyArgs().Handle(default!, default);
    }

    [Fact]
    public async Task Handle_WhenTheCallerCancelled_DoesNotFallBack()
    {
        RouteTo(domain: true);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAsync<OperationCanceledException>(() => Behavior<SampleQuery>().Handle(new SampleQuery(),
            cancelled.Token, () => throw new OperationCanceledException()));

        await _legacy.DidNotReceiveWithAnyArgs().Handle(default!, default);
    }

    [Fact]
    public async Task Handle_WhenACommandFallsBack_RunsLegacyInItsOwnTransaction()
    {
        RouteTo(domain: true);

        var response = await Behavior<SampleCommand>().Handle(new SampleCommand(), CancellationToken.None,
            () => throw new TimeoutException("database hiccup"));

        Assert.Equal("legacy write", response);
        Assert.Equal(ServedPath.LegacyFallback, _servedBy.Path);
        await _unitOfWork.Received(1).ExecuteInTransactionAsync(Arg.Any<Func<CancellationToken, Task<string>>>(), Arg.Any<CancellationToken>());
    }

    [Theory]
    [InlineData(InfrastructureFault.Unavailable)]
    [InlineData(InfrastructureFault.CommitOutcomeUnknown)]
    public async Task Handle_WhenTheFaultIsSharedByLegacy_RethrowsWithoutFallback(InfrastructureFault fault)
    {
        RouteTo(domain: true);
        var failure = new TimeoutException("database down");
        _faults.Classify(failure).Returns(fault);

        var thrown = await Assert.ThrowsAsync<TimeoutException>(() => Behavior<SampleCommand>().Handle(new SampleCommand(),
            CancellationToken.None, () => throw failure));

        Assert.Same(failure, thrown);
        Assert.Equal(ServedPath.Domain, _servedBy.Path);
        await _legacyCommand.DidNotReceiveWithAnyArgs().Handle(default!, default);
    }

    [Fact]
    public async Task Handle_WhenTheConnectionWasLostButTheDatabaseAnswers_FallsBackOnAFreshConnection()
    {
        RouteTo(domain: true);
        var failure = new IOException("connection reset");
        _faults.Classify(failure).Returns(InfrastructureFault.ConnectionLost);
        _faults.DatabaseAnswersAsync(Arg.Any<CancellationToken>()).Returns(true);

        var response = await Behavior<SampleCommand>().Handle(new SampleCommand(), CancellationToken.None, () => throw failure);

        Assert.Equal("legacy write", response);
        Assert.Equal(ServedPath.LegacyFallback, _servedBy.Path);
        Received.InOrder(() =>
        {
            _unitOfWork.ResetAsync();
            _unitOfWork.ExecuteInTransactionAsync(Arg.Any<Func<CancellationToken, Task<string>>>(), Arg.Any<CancellationToken>());
        });
    }

    [Fact]
    public async Task Handle_WhenTheConnectionWasLostAndTheDatabaseIsDown_RethrowsWithoutFallback()
    {
        RouteTo(domain: true);
        var failure = new IOException("connection refused");
        _faults.Classify(failure).Returns(InfrastructureFault.ConnectionLost);
        _faults.DatabaseAnswersAsync(Arg.Any<CancellationToken>()).Returns(false);

        await Assert.ThrowsAsync<IOException>(() => Behavior<SampleQuery>().Handle(new SampleQuery(), CancellationToken.None,
            () => throw failure));

        await _legacy.DidNotReceiveWithAnyArgs().Handle(default!, default);
    }

    [Fact]
    public async Task Handle_WhenTheRequestHasNoLegacyHandler_PassesThroughWithoutRouting()
    {
        var behavior = Behavior<UnroutedQuery>();

        var response = await behavior.Handle(new UnroutedQuery(), CancellationToken.None, () => Task.FromResult("admin"));

        Assert.Equal("admin", response);
        Assert.Null(_servedBy.Path);
        await _router.DidNotReceiveWithAnyArgs().DecideAsync(default!, default!);
    }

    [Fact]
    public async Task Handle_WhenLegacyAlsoFails_ThrowsTheLegacyError()
    {
        RouteTo(domain: true);
        _legacy.Handle(Arg.Any<SampleQuery>(), Arg.Any<CancellationToken>()).ThrowsAsync(new InvalidOperationException("legacy down"));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Behavior<SampleQuery>().Handle(new SampleQuery(),
            CancellationToken.None, () => throw new InvalidOperationException("domain down")));

        Assert.Equal("legacy down", error.Message);
    }

    public void Dispose()
    {
        _metrics.Dispose();
        _services.Dispose();
    }

    private void RouteTo(bool domain) => _router.DecideAsync(Arg.Any<string>(), Arg.Any<RequestContext>())
        .Returns(new RoutingDecision(domain, "percentage"));

    private RolloutBehavior<TRequest, string> Behavior<TRequest>() where TRequest : IRequest<string> => new(_services,
        new RoutedEndpoint<TRequest, string>(_services.GetRequiredService<IServiceProviderIsService>(), _router, _state, _metrics,
            new ParitySampler(_parityQueue)),
        new RequestContext(), _servedBy, _faults, NullLogger<RolloutBehavior<TRequest, string>>.Instance);

    public sealed record SampleQuery : IQuery<string>;

    public sealed record SampleCommand : ICommand<string>;

    public sealed record UnroutedQuery : IRequest<string>;
}
