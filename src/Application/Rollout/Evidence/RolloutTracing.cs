using System.Diagnostics;

namespace CameraMonitor.Application.Rollout.Evidence;

/// <summary>
/// One span per routed request, so a trace shows which implementation served it and why, and a fallback
/// is visible as an event with the domain exception next to the legacy work that followed.
/// </summary>
public static class RolloutTracing
{
    public const string SourceName = "CameraMonitor.Rollout";

    public static readonly ActivitySource Source = new(SourceName);

    /// <summary>The span name of an endpoint ("rollout ListCameras"), built once per endpoint rather than per request.</summary>
    public static string SpanName(string endpoint) => $"rollout {endpoint}";

    public static Activity? StartRouting(string spanName, string endpoint, RoutingInfo routing)
    {
        var activity = Source.StartActivity(spanName);
        activity?.SetTag("cameramonitor.endpoint", endpoint);
        activity?.SetTag("cameramonitor.rollout.reason", routing.Reason);
        activity?.SetTag("cameramonitor.rollout.path", routing.Path);
        return activity;
    }

    public static void RecordFallback(this Activity? activity, Exception exception)
    {
        activity?.SetTag("cameramonitor.rollout.path", "legacy-fallback");
        activity?.AddEvent(new ActivityEvent("fallback", tags: new ActivityTagsCollection
        {
            ["exception.type"] = exception.GetType().FullName,
            ["exception.message"] = exception.Message,
        }));
    }
}
