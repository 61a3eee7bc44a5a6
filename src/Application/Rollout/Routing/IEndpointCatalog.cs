namespace CameraMonitor.Application.Rollout.Routing;

/// <summary>The names of all routed endpoints (every IQuery/ICommand request type of the application).</summary>
public interface IEndpointCatalog
{
    IReadOnlyList<string> Endpoints { get; }

    bool Contains(string endpoint);
}
