using CameraMonitor.Application.Common.Messaging;
using CameraMonitor.Application.Rollout.Routing;

namespace CameraMonitor.Application.Rollout.DarkLaunch;

/// <summary>The endpoint names of every routed command: the only endpoints a dark launch applies to.</summary>
public static class CommandEndpoints
{
    public static readonly IReadOnlyList<string> Names = typeof(ICommandMarker).Assembly.GetTypes()
        .Where(t => EndpointCatalog.IsRoutedRequest(t) && typeof(ICommandMarker).IsAssignableFrom(t))
        .Select(EndpointNames.Of)
        .Order(StringComparer.Ordinal)
        .ToList();

    public static bool Contains(string endpoint) => Names.Contains(endpoint, StringComparer.OrdinalIgnoreCase);
}
