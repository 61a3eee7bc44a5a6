using System.Net;
using System.Net.Http.Json;
using CameraMonitor.Api.Endpoints;
using CameraMonitor.Api.IntegrationTests.Endpoints;
using CameraMonitor.Api.IntegrationTests.Infrastructure;

namespace CameraMonitor.Api.IntegrationTests.Rollout.Admin;

/// <summary>GET /api/v1/admin/rollout/session: what the console disables for a key, and why.</summary>
public sealed class AdminSessionTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Session_WhenOperatorKey_MayChangeTheRollout()
    {
        using var client = api.CreateClientWithKey(ApiFixture.OperatorKey);

        var session = await client.GetFromJsonAsync<AdminSession>(AdminSessionEndpoints.Path, IngestRequests.Json);

        Assert.True(session!.CanChangeRollout);
        Assert.Equal(ApiFixture.OperatorOwner, session.Name);
        Assert.Equal(["operator"], session.Roles);
        Assert.Null(session.ChangeRequires);
    }

    [Fact]
    public async Task Session_WhenReaderKey_SaysChangesNeedTheOperatorRole()
    {
        using var client = api.CreateClientWithKey(ApiFixture.ReaderKey);

        var session = await client.GetFromJsonAsync<AdminSession>(AdminSessionEndpoints.Path, IngestRequests.Json);

        Assert.False(session!.CanChangeRollout);
        Assert.Equal(ApiFixture.ReaderOwner, session.Name);
        Assert.Equal("needs the 'operator' role", session.ChangeRequires);
    }

    [Fact]
    public async Task Session_WhenNoKey_Answers401()
    {
        using var client = api.CreateAnonymousClient();

        using var response = await client.GetAsync(AdminSessionEndpoints.Path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
