using System.Net;
using System.Net.Http.Json;
using CameraMonitor.Api.IntegrationTests.Infrastructure;

namespace CameraMonitor.Api.IntegrationTests.Rollout.Admin;

/// <summary>
/// The 401/403 matrix: every admin route, without a key, with an unknown key, as reader and as operator. The last
/// column is what an allowed caller gets: the plan routes are asked what answers the same whatever state the
/// other tests left (an invalid plan, an endpoint that never has one), so only the key decides.
/// </summary>
public sealed class AdminAccessTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    public static TheoryData<string, string, bool, HttpStatusCode> Routes() => new()
    {
        { "GET", "/endpoints", false, HttpStatusCode.OK },
        { "GET", "/audit", false, HttpStatusCode.OK },
        { "GET", "/parity", false, HttpStatusCode.OK },
        { "GET", "/metrics", false, HttpStatusCode.OK },
        { "PUT", "/endpoints/ListCameras", true, HttpStatusCode.OK },
        { "DELETE", "/endpoints/ListCameras", true, HttpStatusCode.OK },
        { "POST", "/endpoints/ListCameras/rollback", true, HttpStatusCode.OK },
        { "GET", "/plans", false, HttpStatusCode.OK },
        { "GET", "/endpoints/GetViolation/plan", false, HttpStatusCode.NotFound },
        { "POST", "/endpoints/ListCameras/plan", true, HttpStatusCode.BadRequest },
        { "DELETE", "/endpoints/GetViolation/plan", true, HttpStatusCode.NotFound },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Route_WithoutAKey_Answers401ProblemDetails(string method, string route, bool changes, HttpStatusCode allowed)
    {
        _ = (changes, allowed);
        using var client = api.CreateAnonymousClient();

        using var response = await client.SendAsync(Request(method, route));

        await response.ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Route_WithAnUnknownKey_Answers401(string method, string route, bool changes, HttpStatusCode allowed)
    {
        _ = (changes, allowed);
        using var client = api.CreateClientWithKey("not-a-configured-key-at-all");

        using var response = await client.SendAsync(Request(method, route));

        await response.ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Route_AsReader_ReadsButMayNotChange(string method, string route, bool changes, HttpStatusCode allowed)
    {
        using var client = api.CreateClientWithKey(ApiFixture.ReaderKey);

        using var response = await client.SendAsync(Request(method, route));

        if (changes)
        {
            await response.ProblemAsync(HttpStatusCode.Forbidden);
        }
        else
        {
            Assert.Equal(allowed, response.StatusCode);
        }
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Route_AsOperatorWithABearerToken_IsAllowed(string method, string route, bool changes, HttpStatusCode allowed)
    {
        _ = changes;
        using var client = api.CreateAnonymousClient();
        using var request = Request(method, route);
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", ApiFixture.OperatorKey);

        using var response = await client.SendAsync(request);

        Assert.Equal(allowed, response.StatusCode);
    }

    private static HttpRequestMessage Request(string method, string route) =>
        new(new HttpMethod(method), AdminApi.Prefix + route)
        {
            Content = method == "PUT" ? JsonContent.Create(new { percentage = 0 })
                : route.EndsWith("/plan", StringComparison.Ordinal) && method == "POST" ? JsonContent.Create(new { steps = Array.Empty<int>() })
                : null,
        };
}
