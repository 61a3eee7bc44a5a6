using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace CameraMonitor.Api.Security;

/// <summary>
/// The JWT authority's metadata or signing keys could not be fetched, so no token can be checked: the service's own
/// dependency is down (503 with Retry-After), not the caller's credentials wrong (401) nor a bug (500).
/// </summary>
public sealed class IdentityProviderUnavailableException(Exception inner)
    : Exception("The token issuer's metadata could not be retrieved; tokens cannot be validated right now.", inner)
{
    /// <summary>
    /// A failed token check blames the token ("signing key not found") even when the keys could not be fetched at all.
    /// Asking the configuration manager tells the two apart: it answers from its cache while the issuer is up, and
    /// throws while the last fetch failed. An exception thrown here escapes the JWT handler to the problem-details handler.
    /// </summary>
    public static async Task ThrowIfIssuerIsDownAsync(AuthenticationFailedContext failed)
    {
        if (failed.Options.ConfigurationManager is not { } metadata)
        {
            return;
        }

        try
        {
            await metadata.GetConfigurationAsync(failed.HttpContext.RequestAborted);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            throw new IdentityProviderUnavailableException(exception);
        }
    }
}
