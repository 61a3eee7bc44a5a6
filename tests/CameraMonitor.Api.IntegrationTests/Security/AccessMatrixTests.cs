using System.Net.Http.Json;
using System.Text.RegularExpressions;
using CameraMonitor.Api.IntegrationTests.Infrastructure;
using CameraMonitor.Api.RateLimiting;
using CameraMonitor.Api.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CameraMonitor.Api.IntegrationTests.Security;

/// <summary>
/// Every route the host maps (read from its EndpointDataSource, so a new route joins by itself) × every kind of
/// caller → 401, 403 or served. The expected roles are this test's own table, written from issue 12, not read
/// back from the policies; a route the table does not know fails the test until someone decides who may use it.
/// </summary>
public sealed partial class AccessMatrixTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private const string Sample = "matrix-unknown";
    private static readonly string[] Readers = [ApiRoles.Viewer, ApiRoles.Reviewer, ApiRoles.CameraAdmin];

    public static TheoryData<string> Callers()
    {
        var callers = new TheoryData<string> { "anonymous", "unknown-key", "unknown-bearer-key", "expired-token", "wrongly-signed-token", "admin-key" };
        foreach (var role in ApiRoles.All)
        {
            callers.Add("key:" + role);
            callers.Add("token:" + role);
        }

        return callers;
    }

    [Theory]
    [MemberData(nameof(Callers))]
    public async Task EveryRoute_ForThisCaller_AnswersAsTheRoleTableSays(string caller)
    {
        var (client, roles) = Client(caller);
        using var _ = client;
        var failures = new List<string>();

        foreach (var route in Routes())
        {
            var expected = Expected(route.Method, route.Pattern);
            if (expected is null)
            {
                failures.Add($"{route.Method} {route.Pattern}: no expectation; add the route to the role table of this test");
                continue;
            }

            using var response = await client.SendAsync(Request(route));
            var status = (int)response.StatusCode;
            var outcome = expected.Value.Anonymous ? "served"
                : roles is null ? "401"
                : expected.Value.Roles.Length == 0 || expected.Value.Roles.Intersect(roles).Any() ? "served"
                : "403";
            var label = $"{route.Method} {route.Pattern} as {caller}: expected {outcome}, got {status}";
            if (outcome == "served" && (status is 401 or 403 || status >= 500))
            {
                failures.Add(label + " " + await response.Content.ReadAsStringAsync());
            }
            else if (outcome != "served" && (status.ToString(System.Globalization.CultureInfo.InvariantCulture) != outcome
                || response.Content.Headers.ContentType?.MediaType != "application/problem+json"
                || !response.Headers.WwwAuthenticate.Any()))
            {
                failures.Add(label + " (a refusal must be problem details with WWW-Authenticate)");
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public void EveryApiRoute_NamesItsPolicy_InsteadOfLeaningOnTheFallback()
    {
        var unnamed = Endpoints()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/api/v1", StringComparison.Ordinal))
            .Where(e => !e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(data => data.Policy is not null))
            .Select(e => e.DisplayName);

        Assert.Empty(unnamed);
    }

    [Fact]
    public void EveryOperatorApiRoute_IsRateLimitedPerPrincipal()
    {
        var unlimited = Endpoints()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/api/v1/admin", StringComparison.Ordinal))
            .Where(e => e.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName != RateLimitPolicies.Operator)
            .Select(e => e.DisplayName);

        Assert.Empty(unlimited);
    }

    /// <summary>Who may use a route per issue 12; null: nobody decided yet. Roles empty: any principal.</summary>
    private static (bool Anonymous, string[] Roles)? Expected(string method, string pattern) => pattern switch
    {
        "/health/live" or "/health/ready" or "/metrics" => (true, []),
        // The reference UI's own script and icon (Scalar marks them anonymous): static files, no API data.
        "/scalar/scalar.js" or "/scalar/scalar.aspnetcore.js" or "/scalar/favicon.svg" => (true, []),
        // The operator console's files (issue 15): no data in them; every call the page makes needs a key.
        "/console/{**file}" => (true, []),
        _ when pattern.StartsWith("/openapi/", StringComparison.Ordinal) || pattern.StartsWith("/scalar", StringComparison.Ordinal) =>
            (false, []), // the Testing environment is not Development: any principal
        _ when pattern.StartsWith("/api/v1/admin/", StringComparison.Ordinal) =>
            (false, method == "GET" ? [ApiRoles.Reader, ApiRoles.Operator] : [ApiRoles.Operator]),
        "/api/v1/system/info" => (false, [.. Readers, ApiRoles.Reader, ApiRoles.Operator]),
        "/api/v1/records/detection-records/" when method == "POST" => (false, [ApiRoles.Detector]),
        "/api/v1/records/violations/{violation_id}/status" when method == "PUT" => (false, [ApiRoles.Reviewer]),
        _ when pattern.StartsWith("/api/v1/cameras", StringComparison.Ordinal) && method != "GET" => (false, [ApiRoles.CameraAdmin]),
        _ when pattern.StartsWith("/api/v1/", StringComparison.Ordinal) && method == "GET" => (false, Readers),
        _ => null,
    };

    private (HttpClient Client, string[]? Roles) Client(string caller)
    {
        var client = api.CreateAnonymousClient();
        var (kind, role) = caller.Split(':') is [var k, var r] ? (k, r) : (caller, string.Empty);
        switch (kind)
        {
            case "anonymous":
                return (client, null);
            case "unknown-key":
                client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.ApiKeyHeader, "not-a-configured-key-at-all");
                return (client, null);
            case "unknown-bearer-key":
                return (client.WithBearer("not-a-configured-key-at-all"), null);
            case "expired-token":
                return (client.WithBearer(TestTokens.Expired("eve", [.. ApiRoles.All])), null);
            case "wrongly-signed-token":
                return (client.WithBearer(TestTokens.WronglySigned("eve", [.. ApiRoles.All])), null);
            case "admin-key":
                client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.ApiKeyHeader, ApiFixture.AdminKey);
                return (client, [.. ApiRoles.All]);
            case "key":
                client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.ApiKeyHeader, ApiFixture.KeyOf(role));
                return (client, [role]);
            default:
                return (client.WithBearer(TestTokens.Valid("token-" + role, role)), [role]);
        }
    }

    private IEnumerable<RouteEndpoint> Endpoints() =>
        api.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();

    private List<(string Method, string Pattern)> Routes() =>
        [.. Endpoints().SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            .Select(method => (method, e.RoutePattern.RawText!))).OrderBy(r => r.Item2).ThenBy(r => r.Item1)];

    /// <summary>Parameters get values that exist nowhere, and bodies are empty objects: an allowed write is refused as invalid or not found, so the matrix changes no data.</summary>
    private static HttpRequestMessage Request((string Method, string Pattern) route)
    {
        var path = Parameter().Replace(route.Pattern, match => match.Groups[1].Value == "documentName" ? "v1" : Sample);
        return new HttpRequestMessage(new HttpMethod(route.Method), path)
        {
            Content = route.Method is "POST" or "PUT" ? JsonContent.Create(new { }) : null,
        };
    }

    [GeneratedRegex(@"\{([a-zA-Z_]+)[^}]*\}")]
    private static partial Regex Parameter();
}
