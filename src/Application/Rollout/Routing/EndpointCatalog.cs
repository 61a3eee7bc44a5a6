using CameraMonitor.Application.Common.Messaging;

namespace CameraMonitor.Application.Rollout.Routing;

public sealed class EndpointCatalog : IEndpointCatalog
{
    private readonly HashSet<string> _names;

    public EndpointCatalog()
    {
        Endpoints = typeof(ICommandMarker).Assembly.GetTypes()
            .Where(IsRoutedRequest)
            .Select(EndpointNames.Of)
            .Order(StringComparer.Ordinal)
            .ToList();
        _names = new HashSet<string>(Endpoints, StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyList<string> Endpoints { get; }

    public bool Contains(string endpoint) => _names.Contains(endpoint);

    public static bool IsRoutedRequest(Type type) =>
        type is { IsClass: true, IsAbstract: false } && type.GetInterfaces().Any(i => i.IsGenericType &&
            (i.GetGenericTypeDefinition() == typeof(IQuery<>) || i.GetGenericTypeDefinition() == typeof(ICommand<>)));
}
