using System.Net;
using System.Text.Json;
using CameraMonitor.Api.IntegrationTests.Endpoints;
using CameraMonitor.Api.IntegrationTests.Infrastructure;
using CameraMonitor.Api.Security;

namespace CameraMonitor.Api.IntegrationTests.Security;

/// <summary>Camera writes record who made them, on both paths, and the API shows it.</summary>
public sealed class CameraWritersTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task CreateThenUpdate_ByTwoPrincipals_RecordsCreatorAndLastWriter(bool forceDomain)
    {
        var id = "writers-" + CamerasHttp.PathName(forceDomain);
        using var creator = api.CreateAnonymousClient().WithBearer(TestTokens.Valid("cleo", ApiRoles.CameraAdmin, ApiRoles.Operator));
        using var editor = api.CreateClientFor(ApiRoles.CameraAdmin);

        using var created = await creator.SendOnPathAsync(HttpMethod.Post, CamerasHttp.Url,
            $$"""{"id":"{{id}}","name":"Writers","source_url":"rtsp://127.0.0.1/w"}""", forceDomain);
        using var updated = await editor.SendOnPathAsync(HttpMethod.Put, $"{CamerasHttp.Url}/{id}", """{"status":"online"}""", null);

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.OK), (created.StatusCode, updated.StatusCode));
        Assert.Equal(("cleo", "cleo"), Writers(await created.Content.ReadAsStringAsync()));
        Assert.Equal(("cleo", ApiFixture.OwnerOf(ApiRoles.CameraAdmin)), Writers(await updated.Content.ReadAsStringAsync()));
        var listed = JsonDocument.Parse(await editor.GetStringAsync(CamerasHttp.Url)).RootElement.GetProperty("cameras")
            .EnumerateArray().Single(c => c.GetProperty("id").GetString() == id);
        Assert.Equal(("cleo", ApiFixture.OwnerOf(ApiRoles.CameraAdmin)),
            (listed.GetProperty("created_by").GetString(), listed.GetProperty("updated_by").GetString()));
    }

    [Fact]
    public async Task Create_WithWritersInTheBody_IgnoresThem()
    {
        using var response = await api.Client.PostAsync(CamerasHttp.Url, new StringContent(
            """{"id":"writers-forged","name":"Forged","source_url":"rtsp://127.0.0.1/f","actor":"mallory","created_by":"mallory"}""",
            System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal((ApiFixture.AdminOwner, ApiFixture.AdminOwner), Writers(await response.Content.ReadAsStringAsync()));
    }

    private static (string?, string?) Writers(string body)
    {
        var camera = JsonDocument.Parse(body).RootElement.GetProperty("camera");
        return (camera.GetProperty("created_by").GetString(), camera.GetProperty("updated_by").GetString());
    }
}
