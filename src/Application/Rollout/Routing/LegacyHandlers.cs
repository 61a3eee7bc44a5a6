using Microsoft.Extensions.DependencyInjection;

namespace CameraMonitor.Application.Rollout.Routing;

/// <summary>
/// Whether a request has a legacy handler, asked of the container's registry instead of by resolving one: the legacy
/// handler (and the statement-timeout wrapper around it) is then only built for requests that go to legacy.
/// </summary>
public static class LegacyHandlers
{
    public static bool Exist<TRequest, TResponse>(IServiceProvider services) =>
        services.GetService<IServiceProviderIsService>() is { } registry
            ? registry.IsService(typeof(ILegacyHandler<TRequest, TResponse>))
            : services.GetService<ILegacyHandler<TRequest, TResponse>>() is not null;
}
