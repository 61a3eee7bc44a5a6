namespace CameraMonitor.Application.Rollout.Routing;

public interface IRolloutRouter
{
    Task<RoutingDecision> DecideAsync(string endpoint, RequestContext context);
}
