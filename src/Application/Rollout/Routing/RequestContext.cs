namespace CameraMonitor.Application.Rollout.Routing;

/// <summary>
/// What the routing decision needs to know about the caller (scoped). The host fills it from the HTTP
/// request: the client key is X-Client-Id, else the remote IP.
/// </summary>
public sealed class RequestContext
{
    public const string AnonymousClientKey = "anonymous";

    public string ClientKey { get; set; } = AnonymousClientKey;

    /// <summary>force_domain=true|false on the query string; null when absent.</summary>
    public bool? ForceDomain { get; set; }
}
