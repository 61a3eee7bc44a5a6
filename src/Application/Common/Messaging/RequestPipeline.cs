using System.Collections.Concurrent;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace CameraMonitor.Application.Common.Messaging;

/// <summary>
/// The pipeline of one request type, found by <see cref="PipelineMediator"/> from the request's run-time type once per
/// type (MediatR 5.1 does the same with its request handler wrappers).
/// </summary>
internal abstract class RequestPipeline<TResponse>
{
    private static readonly ConcurrentDictionary<Type, RequestPipeline<TResponse>> Pipelines = new();

    public static RequestPipeline<TResponse> Of(Type requestType) => Pipelines.GetOrAdd(requestType, static type =>
        (RequestPipeline<TResponse>)Activator.CreateInstance(typeof(RequestPipeline<,>).MakeGenericType(type, typeof(TResponse)))!);

    public abstract Task<TResponse> Send(IRequest<TResponse> request, IServiceProvider services, CancellationToken cancellationToken);
}

/// <summary>
/// Resolves the request's behaviors from the request's scope on every send (they may be transient or scoped) and calls
/// them outermost first. Each behavior's <c>next</c> is a delegate of its own, so a behavior may call it more than once
/// (a retry) or not at all (a short cut); the handler is resolved when it is called.
/// </summary>
internal sealed class RequestPipeline<TRequest, TResponse> : RequestPipeline<TResponse> where TRequest : IRequest<TResponse>
{
    public override Task<TResponse> Send(IRequest<TResponse> request, IServiceProvider services, CancellationToken cancellationToken)
    {
        var behaviors = Behaviors(services);
        var call = new Call((TRequest)request, services, behaviors, cancellationToken);
        return behaviors.Length == 0 ? call.Handle() : call.Enter(0);
    }

    /// <remarks>Microsoft's container answers an enumerable with an array; another container's enumerable is copied.</remarks>
    private static IPipelineBehavior<TRequest, TResponse>[] Behaviors(IServiceProvider services) =>
        services.GetService(typeof(IEnumerable<IPipelineBehavior<TRequest, TResponse>>)) switch
        {
            IPipelineBehavior<TRequest, TResponse>[] array => array,
            IEnumerable<IPipelineBehavior<TRequest, TResponse>> behaviors => [.. behaviors],
            _ => [],
        };

    private sealed class Call(TRequest request, IServiceProvider services, IPipelineBehavior<TRequest, TResponse>[] behaviors,
        CancellationToken cancellationToken)
    {
        public Task<TResponse> Enter(int index) => behaviors[index].Handle(request, cancellationToken,
            index + 1 == behaviors.Length ? Handle : new Inward(this, index + 1).Next);

        public Task<TResponse> Handle() =>
            (services.GetService<IRequestHandler<TRequest, TResponse>>()
                ?? throw new InvalidOperationException($"No handler is registered for {typeof(TRequest).Name}."))
            .Handle(request, cancellationToken);
    }

    /// <summary>The <c>next</c> of the behavior before <paramref name="index"/>.</summary>
    private sealed class Inward(Call call, int index)
    {
        public Task<TResponse> Next() => call.Enter(index);
    }
}
