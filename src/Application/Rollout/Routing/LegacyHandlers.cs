using Microsoft.Extensions.DependencyInjection;

namespace CameraMonitor.Application.Rollout.Routing;

/// <summary>
/// Whether a request has a legacy handler, asked of the container's registry instead of by resolving one: the legacy
/// handler (and the statement-timeout wrapper around it) is then only built for requests that go to legacy. Callers have
/// the registry injected (a singleton the container builds into their factory), not resolved from the request's scope
/// (docs/performance.md, "Third round"); the routing and the dark launch ask once per request type, through
/// <see cref="RoutedEndpoint{TRequest,TResponse}"/>.
/// </summary>
public static class LegacyHandlers
{
    public static bool Exist<TRequest, TResponse>(IServiceProviderIsService registry) =>
        registry.IsService(typeof(ILegacyHandler<TRequest, TResponse>));
}
