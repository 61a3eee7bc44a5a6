using System.Diagnostics;

namespace CameraMonitor.Application.Rollout.Evidence;

/// <summary>
/// Puts the routing of a request into its trace: which implementation served it and why, and a fallback as a span of
/// its own (the domain exception as its event, the legacy rerun's SQL under it).
/// </summary>
/// <remarks>
/// Inside a request that already has a recorded span (the ASP.NET Core server span), the decision becomes tags of that
/// span instead of a child span: a span per request costs an Activity, its tag list, a sampler call and a stop for
/// information the request's own span carries as well (docs/performance.md, "Hot path"). Outside one (a test, a
/// caller without a trace), the routing opens its own "rollout &lt;Endpoint&gt;" span.
/// </remarks>
public static class RolloutTracing
{
    public const string SourceName = "CameraMonitor.Rollout";
    public const string EndpointTag = "cameramonitor.endpoint";
    public const string ReasonTag = "cameramonitor.rollout.reason";
    public const string PathTag = "cameramonitor.rollout.path";

    public static readonly ActivitySource Source = new(SourceName);

    /// <summary>The span name of an endpoint ("rollout ListCameras"), built once per endpoint rather than per request.</summary>
    public static string SpanName(string endpoint) => $"rollout {endpoint}";

    /// <summary>The name of the span around a fallback's legacy rerun ("rollout ListCameras fallback").</summary>
    public static string FallbackSpanName(string endpoint) => $"rollout {endpoint} fallback";

    public static RoutingTrace StartRouting(string spanName, string endpoint, RoutingInfo routing)
    {
        var own = Activity.Current is { IsAllDataRequested: true } ? null : Source.StartActivity(spanName);
        var traced = own ?? Activity.Current;
        if (traced is { IsAllDataRequested: true })
        {
            // AddTag appends; SetTag would first search the request span's dozen tags for each key.
            traced.AddTag(EndpointTag, endpoint);
            traced.AddTag(ReasonTag, routing.Reason);
            traced.AddTag(PathTag, routing.Path);
        }

        return new RoutingTrace(own, traced);
    }
}

/// <summary>The span that carries a request's routing; disposing it stops the span only if the routing started it.</summary>
public readonly struct RoutingTrace(Activity? own, Activity? traced) : IDisposable
{
    /// <summary>Whether the routing opened a span of its own, which must be stopped when the request is answered.</summary>
    public bool OwnsSpan => own is not null;

    /// <summary>Marks the request as answered by a fallback and opens the span the legacy rerun runs under.</summary>
    public Activity? RecordFallback(string fallbackSpanName, Exception exception)
    {
        traced?.SetTag(RolloutTracing.PathTag, "legacy-fallback");
        var span = RolloutTracing.Source.StartActivity(fallbackSpanName);
        span?.AddEvent(new ActivityEvent("fallback", tags: new ActivityTagsCollection
        {
            ["exception.type"] = exception.GetType().FullName,
            ["exception.message"] = exception.Message,
        }));
        return span;
    }

    public void Dispose() => own?.Dispose();
}
