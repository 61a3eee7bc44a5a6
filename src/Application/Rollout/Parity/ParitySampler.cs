using CameraMonitor.Application.Common.Messaging;
using CameraMonitor.Application.Rollout.Routing;
using MediatR;

namespace CameraMonitor.Application.Rollout.Parity;

/// <summary>
/// Draws the parity samples of routed queries: once a query has been answered by the domain or the legacy path, a sample
/// of them (the endpoint's parity_sample_rate) is queued for the parity worker, which runs the other implementation later
/// in its own scope. Enqueueing never waits, so the caller never does. A drawn sample first takes a token of the parity
/// budget (<see cref="ParityQueue.Budget"/>); without one it is counted as skipped for budget and nothing of it is kept.
/// Commands and fallbacks (the domain just failed) are not sampled.
/// </summary>
/// <remarks>
/// Called by <see cref="RolloutBehavior{TRequest,TResponse}"/>, which knows the path that answered, rather than being a
/// pipeline behavior of its own: a behavior costs every request a resolution, a closure and a delegate of MediatR's
/// pipeline. The caller passes the endpoint's rollout in force, which it keeps per state version
/// (<see cref="RoutedEndpoint{TRequest,TResponse}"/>): at rate 0 (most endpoints, most of the time) the whole of sampling
/// is then a few field reads.
/// </remarks>
public sealed class ParitySampler(ParityQueue queue)
{
    public void Offer<TRequest, TResponse>(string endpoint, EffectiveEndpointRollout rollout, TRequest request, ServedPath served,
        TResponse response)
        where TRequest : IRequest<TResponse>
    {
        if (request is ICommandMarker || response is null || served is not (ServedPath.Domain or ServedPath.Legacy)
            || rollout.ParitySampleRate <= 0
            || Random.Shared.NextDouble() * 100 >= rollout.ParitySampleRate)
        {
            return;
        }

        if (queue.TryTakeBudget(endpoint))
        {
            queue.TryEnqueue(new ParityWork<TRequest, TResponse>(request, served, response, ParityRules.Of(rollout)));
        }
    }
}
