using CameraMonitor.Application.Rollout.Evidence;
using CameraMonitor.Application.Rollout.Parity;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace CameraMonitor.Application.Rollout.Routing;

/// <summary>
/// One routed request type as <see cref="RolloutBehavior{TRequest,TResponse}"/> sees it on every request: its endpoint
/// name, whether it has a legacy handler, its routing decision, its attempt counters per path and routing group, its
/// rollout in force (for the parity and dark-launch draws) and its fallback count. A singleton per request type (an open generic
/// registration), so the container builds it into the routing behavior's factory and a request finds it without a lookup.
/// </summary>
/// <remarks>
/// What it keeps would otherwise be worked out per request: the registry asked for the legacy handler, the evidence cell
/// found by hashing a key of three strings, the endpoint's rollout looked up by name. Each is small, but on the hot path of
/// a cached answer they were a fifth of what the pipeline cost (docs/performance.md, "Hot path", sixth round).
/// </remarks>
public sealed class RoutedEndpoint<TRequest, TResponse>(
    IServiceProviderIsService registry,
    IRolloutRouter router,
    IRolloutState state,
    RolloutMetrics metrics,
    ParitySampler paritySampler)
    where TRequest : IRequest<TResponse>
{
    // The percentage first: most requests are found at the first comparison.
    private static readonly string[] Groups =
    [
        RoutingDecision.Percentage, RoutingDecision.ForceDomain, RoutingDecision.AllowList, RoutingDecision.DenyList,
        RoutingDecision.KillSwitch,
    ];

    private static readonly ServedPath[] Paths = Enum.GetValues<ServedPath>();

    // Per path and routing group, the recorder's counters: filled at first use (two threads may both look a slot up, and
    // find the same counters), never replaced, since the recorder never replaces them.
    private readonly AttemptCounter?[] _attempts = new AttemptCounter?[Paths.Length * Groups.Length];
    private volatile RolloutInForce? _rollout;

    public static string Name { get; } = EndpointNames.Of(typeof(TRequest));

    public bool HasLegacy { get; } = LegacyHandlers.Exist<TRequest, TResponse>(registry);

    public Task<RoutingDecision> DecideAsync(RequestContext context) => router.DecideAsync(Name, context);

    public void RecordAttempt(ServedPath path, string group, double milliseconds, bool failed) =>
        metrics.RecordAttempt(Attempts(path, group), Name, path.ToName(), milliseconds, failed);

    public void RecordFallback() => metrics.RecordFallback(Name);

    /// <summary>Offers an answer to the parity sampler with the endpoint's rollout in force.</summary>
    public void OfferForParity(TRequest request, ServedPath served, TResponse response) =>
        paritySampler.Offer(Name, CurrentRollout(), request, served, response);

    /// <summary>
    /// The endpoint's rollout, read again when the state's version has moved. The version is read first, so a rollout
    /// built after a change it did not see is kept under the older version and read again at the next call.
    /// </summary>
    public EffectiveEndpointRollout CurrentRollout()
    {
        var version = state.Version;
        var kept = _rollout;
        if (kept is not null && kept.Version == version)
        {
            return kept.Rollout;
        }

        var read = new RolloutInForce(version, state.Get(Name));
        _rollout = read;
        return read.Rollout;
    }

    private AttemptCounter Attempts(ServedPath path, string group)
    {
        var groupIndex = Array.IndexOf(Groups, group);
        if (groupIndex < 0 || (int)path >= Paths.Length)
        {
            return metrics.Evidence.Attempts(Name, path.ToName(), group); // a group no decision makes today: not kept
        }

        ref var slot = ref _attempts[((int)path * Groups.Length) + groupIndex];
        return slot ??= metrics.Evidence.Attempts(Name, path.ToName(), group);
    }

    private sealed record RolloutInForce(long Version, EffectiveEndpointRollout Rollout);
}
