using CameraMonitor.Application.Common.Idempotency;

namespace CameraMonitor.Api.Security;

/// <summary>The authenticated principal of the current HTTP request owns the Idempotency-Keys it sends.</summary>
public sealed class HttpIdempotencyOwner(IHttpContextAccessor accessor) : IIdempotencyOwner
{
    public string? Current => accessor.HttpContext?.User is { Identity.IsAuthenticated: true } user ? user.Owner() : null;
}
