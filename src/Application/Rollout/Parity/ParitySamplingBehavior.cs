using CameraMonitor.Application.Common.Messaging;
using CameraMonitor.Application.Rollout.Routing;
using MediatR;

namespace CameraMonitor.Application.Rollout.Parity;

/// <summary>
/// Sits just outside the rollout behavior: once a query has been answered by the domain or the legacy
/// path, a sample of them (the endpoint's parity_sample_rate) is queued for the parity worker, which runs
/// the other implementation later in its own scope. Enqueueing never waits, so the caller never does.
/// A drawn sample first takes a token of the parity budget (<see cref="ParityQueue.Budget"/>); without one it is
/// counted as skipped for budget and nothing of it is kept. Commands, fallbacks (the domain just failed) and
/// unrouted requests are not sampled; at rate 0 the request goes straight on, without even awaiting.
/// </summary>
public sealed class ParitySamplingBehavior<TRequest, TResponse>(
    IServiceProvider services,
    IRolloutState state,
    ServedBy servedBy,
    ParityQueue queue)
    : IPipelineBehavior<TRequest, TResponse> where TRequest : IRequest<TResponse>
{
    private static readonly string Endpoint = EndpointNames.Of(typeof(TRequest));

    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken,
        RequestHandlerDelegate<TResponse> next)
    {
        if (request is ICommandMarker || state.Get(Endpoint) is not { ParitySampleRate: > 0 } rollout)
        {
            return next();
        }

        return SampleAsync(request, rollout, next);
    }

    private async Task<TResponse> SampleAsync(TRequest request, EffectiveEndpointRollout rollout, RequestHandlerDelegate<TResponse> next)
    {
        var response = await next();
        if (servedBy.Path is not (ServedPath.Domain or ServedPath.Legacy) || response is null
            || Random.Shared.NextDouble() * 100 >= rollout.ParitySampleRate
            || !LegacyHandlers.Exist<TRequest, TResponse>(services))
        {
            return response;
        }

        if (queue.TryTakeBudget(Endpoint))
        {
            queue.TryEnqueue(new ParityWork<TRequest, TResponse>(request, servedBy.Path.Value, response, ParityRules.Of(rollout)));
        }

        return response;
    }
}
