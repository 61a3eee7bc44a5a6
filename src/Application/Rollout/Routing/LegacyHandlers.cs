using Microsoft.Extensions.DependencyInjection;

namespace CameraMonitor.Application.Rollout.Routing;

/// <summary>
/// Whether a request has a legacy handler, asked of the container's registry instead of by resolving one: the legacy
/// handler (and the statement-timeout wrapper around it) is then only built for requests that go to legacy.
/// </summary>
public static class LegacyHandlers
{
    /// <summary>
    /// For a caller that has the registry injected (a singleton, which the container builds into the caller's factory):
    /// the routing asks on every request, and resolving the registry from the request's scope each time was a
    /// resolution more per request (docs/performance.md, "Third round").
    /// </summary>
    public static bool Exist<TRequest, TResponse>(IServiceProviderIsService registry) =>
        registry.IsService(typeof(ILegacyHandler<TRequest, TResponse>));

    public static bool Exist<TRequest, TResponse>(IServiceProvider services) =>
        services.GetService<IServiceProviderIsService>() is { } registry
            ? registry.IsService(typeof(ILegacyHandler<TRequest, TResponse>))
            : services.GetService<ILegacyHandler<TRequest, TResponse>>() is not null;
}
