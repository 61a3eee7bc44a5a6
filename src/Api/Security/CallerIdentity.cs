using System.Security.Claims;

namespace CameraMonitor.Api.Security;

public static class CallerIdentity
{
    public const string HandledByParameter = "handled_by";

    /// <summary>The key's owner or the token's name claim; routes behind a policy always have one.</summary>
    public static string Owner(this ClaimsPrincipal user) => user.Identity?.Name ?? "unknown";

    /// <summary>Operators may record a change in someone else's name (e.g. entering a colleague's paper review).</summary>
    public static bool MayActForOthers(this ClaimsPrincipal user) => user.IsInRole(ApiRoles.Operator);

    /// <summary>
    /// Who a change is recorded for: the caller's owner by default; another name only for principals that
    /// may act for others, else a 403 naming <paramref name="field"/>.
    /// </summary>
    public static string ActingAs(this ClaimsPrincipal user, string? requested, string field)
    {
        var owner = user.Owner();
        if (string.IsNullOrEmpty(requested) || requested == owner)
        {
            return owner;
        }

        return user.MayActForOthers()
            ? requested
            : throw new AccessDeniedException(field,
                $"{field} may name someone other than the caller ('{owner}') only for principals with the '{ApiRoles.Operator}' role.");
    }
}
