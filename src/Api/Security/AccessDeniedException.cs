namespace CameraMonitor.Api.Security;

/// <summary>
/// The principal may use the route but not one of the parameters it sent (force_domain, handled_by):
/// answered as a 403 problem naming that parameter, never silently ignored.
/// </summary>
public sealed class AccessDeniedException(string field, string message) : Exception(message)
{
    /// <summary>The RFC 6750 challenge of a refusal: the credentials are fine, their rights are not.</summary>
    public const string InsufficientScope = "Bearer error=\"insufficient_scope\"";

    public string Field { get; } = field;
}
