using System.Net;
using System.Net.Http.Json;
using CameraMonitor.Api.IntegrationTests.Infrastructure;

namespace CameraMonitor.Api.IntegrationTests.Admin;

/// <summary>The 401/403 matrix: every admin route, without a key, with an unknown key, as reader and as operator.</summary>
public sealed class AdminAccessTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    public static TheoryData<string, string, bool> Routes() => new()
    {
        { "GET", "/endpoints", false },
        { "GET", "/audit", false },
        { "GET", "/parity", false },
        { "GET", "/metrics", false },
        { "PUT", "/endpoints/ListCameras", true },
        { "DELETE", "/endpoints/ListCameras", true },
        { "POST", "/endpoints/ListCameras/rollback", true },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Route_WithoutAKey_Answers401ProblemDetails(string method, string route, bool changes)
    {
        _ = changes;
        using var client = api.Factory.CreateClient();

        using var response = await client.SendAsync(Request(method, route));

        await response.ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Route_WithAnUnknownKey_Answers401(string method, string route, bool changes)
    {
        _ = changes;
        using var client = api.CreateClientWithKey("not-a-configured-key-at-all");

        using var response = await client.SendAsync(Request(method, route));

        await response.ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Route_AsReader_ReadsButMayNotChange(string method, string route, bool changes)
    {
        using var client = api.CreateClientWithKey(ApiFixture.ReaderKey);

        using var response = await client.SendAsync(Request(method, route));

        if (changes)
        {
            await response.ProblemAsync(HttpStatusCode.Forbidden);
        }
        else
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Route_AsOperatorWithABearerToken_IsAllowed(string method, string route, bool changes)
    {
        _ = changes;
        using var client = api.Factory.CreateClient();
        using var request = Request(method, route);
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", ApiFixture.OperatorKey);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task PublicEndpoints_NeedNoKey()
    {
        using var client = api.Factory.CreateClient();

        using var response = await client.GetAsync("/api/v1/cameras");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static HttpRequestMessage Request(string method, string route) =>
        new(new HttpMethod(method), AdminApi.Prefix + route)
        {
            Content = method == "PUT" ? JsonContent.Create(new { percentage = 0 }) : null,
        };
}
