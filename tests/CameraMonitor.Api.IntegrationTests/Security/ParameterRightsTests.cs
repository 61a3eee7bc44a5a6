using System.Net;
using System.Text.Json.Nodes;
using CameraMonitor.Api.IntegrationTests.Infrastructure;
using CameraMonitor.Api.Security;

namespace CameraMonitor.Api.IntegrationTests.Security;

/// <summary>What a route's role allows is not everything: force_domain and the rollout part of system/info need more.</summary>
public sealed class ParameterRightsTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private const string SystemInfo = "/api/v1/system/info";

    [Theory]
    [InlineData(ApiRoles.Viewer, "true")]
    [InlineData(ApiRoles.CameraAdmin, "false")]
    public async Task ForceDomain_WithoutTheOperatorRole_Answers403NamingTheParameter(string role, string value)
    {
        using var client = api.CreateClientFor(role);

        using var response = await client.GetAsync($"/api/v1/cameras?force_domain={value}");

        var problem = await response.ProblemAsync(HttpStatusCode.Forbidden);
        Assert.True(problem.GetProperty("errors").TryGetProperty("force_domain", out _), problem.ToString());
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Parameter == "error=\"insufficient_scope\"");
    }

    [Theory]
    [InlineData(true, "domain")]
    [InlineData(false, "legacy")]
    public async Task ForceDomain_ForAnOperatorBesidesTheRoutesRole_IsHonoured(bool force, string servedBy)
    {
        using var client = api.CreateAnonymousClient().WithBearer(TestTokens.Valid("olga", ApiRoles.Viewer, ApiRoles.Operator));

        using var response = await client.GetAsync($"/api/v1/cameras?force_domain={force}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(servedBy, response.ServedBy());
    }

    [Theory]
    [InlineData(ApiRoles.Viewer, false)]
    [InlineData(ApiRoles.CameraAdmin, false)]
    [InlineData(ApiRoles.Reader, true)]
    [InlineData(ApiRoles.Operator, true)]
    public async Task SystemInfo_ShowsTheRolloutOnlyToReadersAndOperators(string role, bool showsRollout)
    {
        using var client = api.CreateClientFor(role);

        var body = JsonNode.Parse(await client.GetStringAsync(SystemInfo))!.AsObject();

        Assert.Equal("up", body["database"]!["status"]!.GetValue<string>());
        Assert.Equal(showsRollout, body["rollout"] is not null);
    }

    [Fact]
    public async Task SystemInfo_ForAViewer_IsTheSameOnBothPaths()
    {
        using var domainHost = api.WithServices(_ => { }).WithWebHostBuilder(b =>
            b.UseSetting("Rollout:Endpoints:GetSystemInfo:Percentage", "100"));
        using var onDomain = api.CreateClientFor(ApiRoles.Viewer, domainHost);
        using var onLegacy = api.CreateClientFor(ApiRoles.Viewer);

        var (domain, domainPath) = await StableInfoAsync(onDomain);
        var (legacy, legacyPath) = await StableInfoAsync(onLegacy);

        Assert.Equal(("domain", "legacy"), (domainPath, legacyPath));
        Assert.Equal(legacy, domain);
    }

    private static async Task<(string Body, string ServedBy)> StableInfoAsync(HttpClient client)
    {
        using var response = await client.GetAsync(SystemInfo);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        body.Remove("uptime_seconds");
        body["database"]!.AsObject().Remove("latency_ms");
        return (body.ToJsonString(), response.ServedBy());
    }
}
