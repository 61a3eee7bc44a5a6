namespace CameraMonitor.Api.Security;

/// <summary>The "Auth" configuration section (docs/security.md).</summary>
public sealed class AuthOptions
{
    public const string SectionName = "Auth";

    public List<ApiKeyOptions> ApiKeys { get; set; } = [];

    public JwtOptions Jwt { get; set; } = new();

    public AnonymousAccessOptions Anonymous { get; set; } = new();
}
