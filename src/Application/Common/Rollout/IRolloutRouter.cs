namespace CameraMonitor.Application.Common.Rollout;

public interface IRolloutRouter
{
    Task<RoutingDecision> DecideAsync(string endpoint, RequestContext context);
}
