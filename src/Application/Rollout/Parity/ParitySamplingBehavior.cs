using CameraMonitor.Application.Common.Messaging;
using CameraMonitor.Application.Rollout.Routing;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace CameraMonitor.Application.Rollout.Parity;

/// <summary>
/// Sits just outside the rollout behavior: once a query has been answered by the domain or the legacy
/// path, a sample of them (the endpoint's parity_sample_rate) is queued for the parity worker, which runs
/// the other implementation later in its own scope. Enqueueing never waits, so the caller never does.
/// Commands, fallbacks (the domain just failed) and unrouted requests are not sampled.
/// </summary>
public sealed class ParitySamplingBehavior<TRequest, TResponse>(
    IServiceProvider services,
    IRolloutState state,
    ServedBy servedBy,
    ParityQueue queue)
    : IPipelineBehavior<TRequest, TResponse> where TRequest : IRequest<TResponse>
{
    private static readonly string Endpoint = EndpointNames.Of(typeof(TRequest));

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken,
        RequestHandlerDelegate<TResponse> next)
    {
        var response = await next();
        if (request is ICommandMarker || servedBy.Path is not (ServedPath.Domain or ServedPath.Legacy) || response is null)
        {
            return response;
        }

        var rollout = state.Get(Endpoint);
        if (rollout.ParitySampleRate <= 0 || Random.Shared.NextDouble() * 100 >= rollout.ParitySampleRate
            || services.GetService<ILegacyHandler<TRequest, TResponse>>() is null)
        {
            return response;
        }

        queue.TryEnqueue(new ParityWork<TRequest, TResponse>(request, servedBy.Path.Value, response, ParityRules.Of(rollout)));
        return response;
    }
}
