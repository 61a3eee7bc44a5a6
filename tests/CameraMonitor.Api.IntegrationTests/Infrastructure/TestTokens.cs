using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CameraMonitor.Api.IntegrationTests.Infrastructure;

/// <summary>
/// JWTs for the test host, signed locally. Lifetimes are far from any clock (the host's is fixed in 2026), so
/// "valid" and "expired" hold whichever clock the validator reads.
/// </summary>
public static class TestTokens
{
    private static readonly DateTime LongAgo = new(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static string Valid(string subject, params string[] roles) =>
        Mint(subject, roles, ApiFixture.JwtSigningKey, expires: new DateTime(2100, 1, 1, 0, 0, 0, DateTimeKind.Utc));

    public static string Expired(string subject, params string[] roles) =>
        Mint(subject, roles, ApiFixture.JwtSigningKey, expires: LongAgo.AddDays(1));

    public static string WronglySigned(string subject, params string[] roles) =>
        Mint(subject, roles, "some-other-signing-key-0123456789-0123456789", expires: new DateTime(2100, 1, 1, 0, 0, 0, DateTimeKind.Utc));

    private static string Mint(string subject, string[] roles, string signingKey, DateTime expires) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = ApiFixture.JwtIssuer,
            Audience = ApiFixture.JwtAudience,
            NotBefore = LongAgo,
            IssuedAt = LongAgo,
            Expires = expires,
            Claims = new Dictionary<string, object> { ["sub"] = subject, ["roles"] = roles },
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(signingKey)),
                SecurityAlgorithms.HmacSha256),
        });

    /// <summary>A client (anonymous otherwise) that sends <paramref name="token"/> as Authorization: Bearer.</summary>
    public static HttpClient WithBearer(this HttpClient client, string token)
    {
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
