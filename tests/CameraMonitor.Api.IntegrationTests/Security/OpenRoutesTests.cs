using System.Net;
using System.Text.Json;
using CameraMonitor.Api.IntegrationTests.Infrastructure;
using CameraMonitor.Api.Security;

namespace CameraMonitor.Api.IntegrationTests.Security;

/// <summary>The routes outside /api/v1, their configuration switches, and how the OpenAPI document declares access.</summary>
public sealed class OpenRoutesTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Metrics_WhenAnonymousAccessIsSwitchedOff_NeedAReaderOrOperator()
    {
        using var host = api.WithServices(_ => { }).WithWebHostBuilder(b => b.UseSetting("Auth:Anonymous:Metrics", "false"));
        using var anonymous = api.CreateAnonymousClient(host);
        using var viewer = api.CreateClientFor(ApiRoles.Viewer, host);
        using var reader = api.CreateAnonymousClient(host).WithBearer(ApiFixture.KeyOf(ApiRoles.Reader));

        await (await anonymous.GetAsync("/metrics")).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await viewer.GetAsync("/metrics")).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/metrics")).StatusCode);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)] // Testing is not Development
    [InlineData("true", HttpStatusCode.OK)]
    public async Task ApiReference_ForAnonymousCallers_FollowsTheSetting(string? setting, HttpStatusCode expected)
    {
        using var host = api.WithServices(_ => { }).WithWebHostBuilder(b =>
        {
            if (setting is not null)
            {
                b.UseSetting("Auth:Anonymous:ApiReference", setting);
            }
        });
        using var anonymous = api.CreateAnonymousClient(host);

        Assert.Equal(expected, (await anonymous.GetAsync("/openapi/v1.json")).StatusCode);
        Assert.Equal(expected, (await anonymous.GetAsync("/scalar/v1")).StatusCode);
    }

    [Fact]
    public async Task OpenApi_DeclaresBothSchemes_AndTheRolesOfEachOperation()
    {
        using var document = JsonDocument.Parse(await api.Client.GetStringAsync("/openapi/v1.json"));
        var root = document.RootElement;

        var schemes = root.GetProperty("components").GetProperty("securitySchemes");
        Assert.Equal(("apiKey", "header", "X-Api-Key"), (schemes.GetProperty("ApiKey").GetProperty("type").GetString(),
            schemes.GetProperty("ApiKey").GetProperty("in").GetString(), schemes.GetProperty("ApiKey").GetProperty("name").GetString()));
        Assert.Equal(("http", "bearer"), (schemes.GetProperty("Bearer").GetProperty("type").GetString(),
            schemes.GetProperty("Bearer").GetProperty("scheme").GetString()));
        Assert.Equal([ApiRoles.Reviewer], Roles(root, "/api/v1/records/violations/{violation_id}/status", "put"));
        Assert.Equal([ApiRoles.Detector], Roles(root, "/api/v1/records/detection-records", "post"));
        Assert.Equal([ApiRoles.Operator], Roles(root, "/api/v1/admin/rollout/endpoints/{name}", "put"));
        Assert.Equal([ApiRoles.Viewer, ApiRoles.Reviewer, ApiRoles.CameraAdmin], Roles(root, "/api/v1/cameras", "get"));
    }

    /// <summary>The roles listed under each scheme of the operation's security requirements (the same for both schemes).</summary>
    private static string[] Roles(JsonElement root, string path, string method)
    {
        var security = root.GetProperty("paths").GetProperty(path).GetProperty(method).GetProperty("security");
        var perScheme = security.EnumerateArray()
            .SelectMany(requirement => requirement.EnumerateObject())
            .ToDictionary(scheme => scheme.Name, scheme => scheme.Value.EnumerateArray().Select(r => r.GetString()!).ToArray());
        Assert.Equal(["ApiKey", "Bearer"], perScheme.Keys.Order());
        Assert.Equal(perScheme["ApiKey"], perScheme["Bearer"]);
        return perScheme["ApiKey"];
    }
}
