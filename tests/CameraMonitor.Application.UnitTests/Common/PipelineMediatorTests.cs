using CameraMonitor.Application.Common.Messaging;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace CameraMonitor.Application.UnitTests.Common;

/// <summary>
/// <see cref="PipelineMediator"/> keeps MediatR's semantics: each case is also sent through MediatR's own mediator over
/// the same registrations, and both must leave the same trace.
/// </summary>
public sealed class PipelineMediatorTests
{
    [Fact]
    public async Task Send_RunsTheBehaviorsInRegistrationOrderOutermostFirst_ThenTheHandler()
    {
        var trace = await BothTraces(services => services
            .AddTransient<IPipelineBehavior<Echo, string>, Outer>()
            .AddTransient<IPipelineBehavior<Echo, string>, Inner>());

        Assert.Equal(["outer in", "inner in", "handler built", "handler", "inner out", "outer out"], trace);
    }

    [Fact]
    public async Task Send_WhenABehaviorAnswersItself_NeverBuildsTheHandler()
    {
        var trace = await BothTraces(services => services
            .AddTransient<IPipelineBehavior<Echo, string>, Outer>()
            .AddTransient<IPipelineBehavior<Echo, string>, ShortCut>());

        Assert.Equal(["outer in", "short cut", "outer out"], trace);
    }

    [Fact]
    public async Task Send_WhenABehaviorCallsNextTwice_RunsTheRestOfThePipelineTwice()
    {
        var trace = await BothTraces(services => services
            .AddTransient<IPipelineBehavior<Echo, string>, Retry>()
            .AddTransient<IPipelineBehavior<Echo, string>, Inner>());

        Assert.Equal(["inner in", "handler built", "handler", "inner out", "inner in", "handler", "inner out"], trace);
    }

    [Fact]
    public async Task Send_WithoutBehaviors_CallsTheHandler()
    {
        var trace = await BothTraces(_ => { });

        Assert.Equal(["handler built", "handler"], trace);
    }

    [Fact]
    public async Task Send_ResolvesTheBehaviorsFromTheGivenScopeOnEverySend()
    {
        using var provider = Services(services => services.AddScoped<IPipelineBehavior<Echo, string>, Counting>()).BuildServiceProvider();
        var answers = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            using var scope = provider.CreateScope();
            var mediator = new PipelineMediator(scope.ServiceProvider);
            answers.Add(await mediator.Send(new Echo("a")));
            answers.Add(await mediator.Send(new Echo("b")));
        }

        // One Counting per scope: its count goes on within a scope and starts again in the next.
        Assert.Equal(["a#1", "b#2", "a#1", "b#2"], answers);
    }

    [Fact]
    public async Task Send_WhenTheRequestHasNoHandler_FailsAndSaysWhichRequest()
    {
        using var provider = new ServiceCollection().BuildServiceProvider();

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => new PipelineMediator(provider).Send(new Echo("x")));

        Assert.Contains(nameof(Echo), failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_SendsByTheRequestsRunTimeType()
    {
        using var provider = Services(_ => { }).BuildServiceProvider();
        IRequest<string> request = new Echo("as an interface");

        Assert.Equal("as an interface", await new PipelineMediator(provider).Send(request));
    }

    /// <summary>The trace of one send through PipelineMediator, after asserting MediatR's mediator leaves the same one.</summary>
    private static async Task<List<string>> BothTraces(Action<IServiceCollection> configure)
    {
        var traces = new List<List<string>>();
        foreach (var mediator in new Func<IServiceProvider, IMediator>[] { p => new Mediator(p.GetService!), p => new PipelineMediator(p) })
        {
            using var provider = Services(configure).BuildServiceProvider();
            using var scope = provider.CreateScope();
            await mediator(scope.ServiceProvider).Send(new Echo("x"));
            traces.Add(scope.ServiceProvider.GetRequiredService<Trace>().Steps);
        }

        Assert.Equal(traces[0], traces[1]);
        return traces[1];
    }

    private static ServiceCollection Services(Action<IServiceCollection> configure)
    {
        var services = new ServiceCollection();
        services.AddScoped<Trace>();
        services.AddScoped<IRequestHandler<Echo, string>, EchoHandler>();
        configure(services);
        return services;
    }

    public sealed record Echo(string Text) : IRequest<string>;

    public sealed class Trace
    {
        public List<string> Steps { get; } = [];
    }

    public sealed class EchoHandler : IRequestHandler<Echo, string>
    {
        private readonly Trace _trace;

        public EchoHandler(Trace trace)
        {
            _trace = trace;
            trace.Steps.Add("handler built");
        }

        public Task<string> Handle(Echo request, CancellationToken cancellationToken)
        {
            _trace.Steps.Add("handler");
            return Task.FromResult(request.Text);
        }
    }

    public abstract class Tracing(Trace trace, string name) : IPipelineBehavior<Echo, string>
    {
        public async Task<string> Handle(Echo request, CancellationToken cancellationToken, RequestHandlerDelegate<string> next)
        {
            trace.Steps.Add($"{name} in");
            var response = await next();
            trace.Steps.Add($"{name} out");
            return response;
        }
    }

    public sealed class Outer(Trace trace) : Tracing(trace, "outer");

    public sealed class Inner(Trace trace) : Tracing(trace, "inner");

    public sealed class ShortCut(Trace trace) : IPipelineBehavior<Echo, string>
    {
        public Task<string> Handle(Echo request, CancellationToken cancellationToken, RequestHandlerDelegate<string> next)
        {
            trace.Steps.Add("short cut");
            return Task.FromResult("cached");
        }
    }

    public sealed class Retry : IPipelineBehavior<Echo, string>
    {
        public async Task<string> Handle(Echo request, CancellationToken cancellationToken, RequestHandlerDelegate<string> next)
        {
            await next();
            return await next();
        }
    }

    public sealed class Counting : IPipelineBehavior<Echo, string>
    {
        private int _sends;

        public async Task<string> Handle(Echo request, CancellationToken cancellationToken, RequestHandlerDelegate<string> next) =>
            $"{await next()}#{++_sends}";
    }
}
