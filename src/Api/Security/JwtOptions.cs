namespace CameraMonitor.Api.Security;

/// <summary>Auth:Jwt: bearer tokens from an OpenID Connect issuer (Authority) or signed with a shared key.</summary>
public sealed class JwtOptions
{
    /// <summary>The issuer's base URL; its discovery document supplies the signing keys and the issuer.</summary>
    public string? Authority { get; set; }

    /// <summary>A shared HMAC-SHA256 key (≥ 32 bytes of UTF-8) instead of an authority: tests, small installations.</summary>
    public string? SigningKey { get; set; }

    public string? Audience { get; set; }

    /// <summary>Required with <see cref="SigningKey"/>; with an authority it defaults to the discovered issuer.</summary>
    public string? Issuer { get; set; }

    /// <summary>The claim that carries the roles (a string or an array of strings).</summary>
    public string RoleClaim { get; set; } = "roles";

    /// <summary>The claim that names the principal (its "owner" in audit rows and handled_by).</summary>
    public string NameClaim { get; set; } = "sub";

    public bool RequireHttpsMetadata { get; set; } = true;

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority) || !string.IsNullOrWhiteSpace(SigningKey);
}
