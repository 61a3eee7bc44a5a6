using System.Net;
using System.Text.Json;
using CameraMonitor.Api.IntegrationTests.Infrastructure;
using CameraMonitor.Application.Cameras;
using CameraMonitor.Domain.Cameras;
using CameraMonitor.Infrastructure.Persistence;
using CameraMonitor.Infrastructure.Persistence.Repositories;
using Microsoft.Extensions.DependencyInjection;
using NSubstitute;
using NSubstitute.ExceptionExtensions;

namespace CameraMonitor.Api.IntegrationTests.Endpoints;

/// <summary>POST, PUT and DELETE /api/v1/cameras on both paths, against the real database.</summary>
public sealed class CamerasCommandTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private const string Url = CamerasHttp.Url;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task CreateCamera_OnBothPaths_Answers201WithLocationAndMatchesOneSnapshot(bool forceDomain)
    {
        await api.ExecuteAsync("DELETE FROM cameras WHERE id = 'parity-new'");

        using var response = await api.Client.SendOnPathAsync(HttpMethod.Post, Url, """
            {"id": "parity-new", "name": "  Parity camera ", "location": "Hall 3", "source_url": "rtsp://127.0.0.1:8554/p",
             "enabled": false, "status": "online"}
            """, forceDomain);

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        Assert.Equal(CamerasHttp.PathName(forceDomain), response.ServedBy());
        Assert.Equal("/api/v1/cameras/parity-new", response.Headers.Location?.OriginalString);
        HttpAssertions.MatchSharedSnapshot(body, "created");
        Assert.Equal("Parity camera", await api.ScalarAsync<string>("SELECT name FROM cameras WHERE id = 'parity-new'"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task CreateCamera_WithOnlyTheRequiredFields_UsesTheDefaultsOnBothPaths(bool forceDomain)
    {
        await api.ExecuteAsync("DELETE FROM cameras WHERE id = 'parity-min'");

        using var response = await api.Client.SendOnPathAsync(HttpMethod.Post, Url,
            """{"id": "parity-min", "name": "Minimal", "source_url": "http://127.0.0.1/m"}""", forceDomain);

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        HttpAssertions.MatchSharedSnapshot(body, "defaults");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task CreateCamera_WhenEveryFieldIsInvalid_Answers400NamingEachFieldAndWritesNothing(bool forceDomain)
    {
        using var response = await api.Client.SendOnPathAsync(HttpMethod.Post, Url, """
            {"id": "Bad Id", "name": " ", "location": "{{new string('l', 501)}}", "source_url": "ftp://127.0.0.1/x", "status": "broken"}
            """.Replace("{{new string('l', 501)}}", new string('l', 501), StringComparison.Ordinal), forceDomain);

        var errors = (await response.ProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Equal(["id", "location", "name", "source_url", "status"],
            errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Equal(0L, await api.ScalarAsync<long>("SELECT count(*) FROM cameras WHERE name = ' ' OR id = 'Bad Id'"));
    }

    [Theory]
    [InlineData("""{"name": "No id", "source_url": "rtsp://127.0.0.1/x"}""", "id")]
    [InlineData("""{"id": "no-name", "source_url": "rtsp://127.0.0.1/x"}""", "name")]
    [InlineData("""{"id": "no-url", "name": "No url"}""", "source_url")]
    [InlineData("""{"id": "long-name", "name": "LONG", "source_url": "rtsp://127.0.0.1/x"}""", "name")]
    [InlineData("""{"id": "rtsp-no-host", "name": "x", "source_url": "rtsp://"}""", "source_url")]
    public async Task CreateCamera_WhenARequiredFieldIsMissingOrInvalid_Answers400NamingIt(string json, string field)
    {
        using var response = await api.Client.SendOnPathAsync(HttpMethod.Post, Url,
            json.Replace("LONG", new string('n', 201), StringComparison.Ordinal), forceDomain: null);

        var errors = (await response.ProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Equal([field], errors.EnumerateObject().Select(e => e.Name));
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("""{"id": "typed", "name": "x", "source_url": "rtsp://127.0.0.1/x", "enabled": "yes"}""")]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("[]")]
    public async Task CreateCamera_WhenTheBodyIsMalformed_Answers400(string json)
    {
        using var response = await api.Client.SendOnPathAsync(HttpMethod.Post, Url, json, forceDomain: true);

        await response.ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task CreateCamera_WhenAFieldHasTheWrongJsonType_Answers400NamingTheField()
    {
        const string json = """{"id": "typed", "name": "x", "source_url": "rtsp://127.0.0.1/x", "enabled": "yes"}""";

        using var response = await api.Client.SendOnPathAsync(HttpMethod.Post, Url, json, forceDomain: true);

        var errors = (await response.ProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Equal(["enabled"], errors.EnumerateObject().Select(e => e.Name));
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("""{"enabled": "yes"}""")]
    public async Task UpdateCamera_WhenTheBodyIsMalformed_Answers400AndChangesNothing(string json)
    {
        using var response = await api.Client.SendOnPathAsync(HttpMethod.Put, Url + "/cam2", json, forceDomain: false);

        await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("2026-10-04T08:00:00.0000000Z", (await api.ScalarAsync<DateTime>(
            "SELECT updated_at FROM cameras WHERE id = 'cam2'")).ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task CreateCamera_WhenTheIdIsTaken_Answers409AndLeavesTheCameraAsItWas(bool forceDomain)
    {
        using var response = await api.Client.SendOnPathAsync(HttpMethod.Post, Url,
            """{"id": "cam0", "name": "Impostor", "source_url": "rtsp://127.0.0.1/x"}""", forceDomain);

        var problem = await response.ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(CamerasHttp.PathName(forceDomain), response.ServedBy());
        Assert.Contains("cam0", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("Kitchen line 1", await api.ScalarAsync<string>("SELECT name FROM cameras WHERE id = 'cam0'"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task UpdateCamera_OnBothPaths_ChangesOnlyTheFieldsSentAndMatchesOneSnapshot(bool forceDomain)
    {
        await ResetCameraAsync("parity-upd");

        using var response = await api.Client.SendOnPathAsync(HttpMethod.Put, Url + "/parity-upd",
            """{"name": " Renamed ", "status": "offline", "location": null}""", forceDomain);

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        Assert.Equal(CamerasHttp.PathName(forceDomain), response.ServedBy());
        HttpAssertions.MatchSharedSnapshot(body, "updated");
        Assert.Equal("Dock 7", await api.ScalarAsync<string>("SELECT location FROM cameras WHERE id = 'parity-upd'"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task UpdateCamera_WhenEveryFieldIsSent_ReplacesThemAll(bool forceDomain)
    {
        await ResetCameraAsync("parity-all");

        using var response = await api.Client.SendOnPathAsync(HttpMethod.Put, Url + "/parity-all", """
            {"name": "All new", "location": "", "source_url": "https://127.0.0.1/n", "enabled": true, "status": "online"}
            """, forceDomain);

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        HttpAssertions.MatchSharedSnapshot(body, "replaced");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task UpdateCamera_WhenTheCameraIsUnknown_Answers404(bool forceDomain)
    {
        using var response = await api.Client.SendOnPathAsync(HttpMethod.Put, Url + "/nobody-here", """{"name": "x"}""",
            forceDomain);

        await response.ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(CamerasHttp.PathName(forceDomain), response.ServedBy());
        Assert.Equal(0L, await api.ScalarAsync<long>("SELECT count(*) FROM cameras WHERE id = 'nobody-here'"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task UpdateCamera_WhenAValueIsInvalid_Answers400NamingItAndChangesNothing(bool forceDomain)
    {
        await ResetCameraAsync("parity-bad");

        using var response = await api.Client.SendOnPathAsync(HttpMethod.Put, Url + "/parity-bad",
            """{"name": "", "source_url": "file:///etc/passwd", "status": "on"}""", forceDomain);

        var errors = (await response.ProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Equal(["name", "source_url", "status"], errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Equal("Before", await api.ScalarAsync<string>("SELECT name FROM cameras WHERE id = 'parity-bad'"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task DeleteCamera_OnBothPaths_MatchesOneSnapshotAndKeepsTheRecords(bool forceDomain)
    {
        await ResetCameraAsync("parity-del");
        await api.ExecuteAsync("""
            INSERT INTO detection_records (camera_id, detected_at, processing_ms) VALUES ('parity-del', '2026-11-19T10:00:00Z', 12);
            INSERT INTO violations (camera_id, violation_type, confidence, detected_at) VALUES ('parity-del', 'no_mask', 0.9, '2026-11-19T10:00:00Z');
            """);
        var records = await api.ScalarAsync<long>("SELECT count(*) FROM detection_records WHERE camera_id = 'parity-del'");

        using var response = await api.Client.SendOnPathAsync(HttpMethod.Delete, Url + "/parity-del", null, forceDomain);

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        Assert.Equal(CamerasHttp.PathName(forceDomain), response.ServedBy());
        HttpAssertions.MatchSharedSnapshot(body, "deleted");
        Assert.Equal(0L, await api.ScalarAsync<long>("SELECT count(*) FROM cameras WHERE id = 'parity-del'"));
        Assert.Equal(records, await api.ScalarAsync<long>("SELECT count(*) FROM detection_records WHERE camera_id = 'parity-del'"));
        Assert.True(await api.ScalarAsync<long>("SELECT count(*) FROM violations WHERE camera_id = 'parity-del'") > 0);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task DeleteCamera_WhenTheCameraIsUnknown_Answers404(bool forceDomain)
    {
        using var response = await api.Client.SendOnPathAsync(HttpMethod.Delete, Url + "/nobody-here", null, forceDomain);

        await response.ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(CamerasHttp.PathName(forceDomain), response.ServedBy());
    }

    [Fact]
    public async Task CreateCamera_WhenTheDomainRepositoryWritesTheRowThenFails_LegacyServesAndOneRowExists()
    {
        using var factory = api.WithServices(services => services.AddScoped(provider =>
            WritesThenFails(new CameraRepository(provider.GetRequiredService<IDbSession>()))));
        using var client = factory.CreateClient();

        using var response = await client.SendOnPathAsync(HttpMethod.Post, Url,
            """{"id": "fallback-cam", "name": "Fallback", "source_url": "rtsp://127.0.0.1/f"}""", forceDomain: true);

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        Assert.Equal("legacy-fallback", response.ServedBy());
        Assert.Equal("fallback-cam", JsonDocument.Parse(body).RootElement.GetProperty("camera").GetProperty("id").GetString());
        Assert.Equal(1L, await api.ScalarAsync<long>("SELECT count(*) FROM cameras WHERE id = 'fallback-cam'"));
    }

    [Fact]
    public async Task UpdateCamera_WhenTheDomainRepositoryWritesThenFails_LegacyAppliesTheChangeOnce()
    {
        await ResetCameraAsync("fallback-upd");
        using var factory = api.WithServices(services => services.AddScoped(provider =>
            WritesThenFails(new CameraRepository(provider.GetRequiredService<IDbSession>()))));
        using var client = factory.CreateClient();

        using var response = await client.SendOnPathAsync(HttpMethod.Put, Url + "/fallback-upd",
            """{"enabled": true}""", forceDomain: true);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("legacy-fallback", response.ServedBy());
        Assert.True(await api.ScalarAsync<bool>("SELECT enabled FROM cameras WHERE id = 'fallback-upd'"));
    }

    [Fact]
    public async Task CreateCamera_WhenTheSameIdIsCreatedConcurrentlyOnBothPaths_ExactlyOneWinsAndTheRestGet409()
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(async i =>
        {
            using var response = await api.Client.SendOnPathAsync(HttpMethod.Post, Url,
                $$"""{"id": "race-cam", "name": "Racer {{i}}", "source_url": "rtsp://127.0.0.1/r"}""", forceDomain: i % 2 == 0);
            return response.StatusCode;
        }));

        Assert.Equal(1, responses.Count(code => code == HttpStatusCode.Created));
        Assert.Equal(9, responses.Count(code => code == HttpStatusCode.Conflict));
        Assert.Equal(1L, await api.ScalarAsync<long>("SELECT count(*) FROM cameras WHERE id = 'race-cam'"));
    }

    [Fact]
    public async Task CreateCamera_WhenTheMirrorRewriteFailsAfterCommit_StillAnswers201FromTheDomainWithoutAFallback()
    {
        var broken = Substitute.For<ICameraMirror>();
        broken.RewriteAsync(Arg.Any<CancellationToken>()).ThrowsAsync(new IOException("disk full"));
        using var factory = api.WithServices(services => services.AddScoped(_ => broken));
        using var client = factory.CreateClient();

        using var response = await client.SendOnPathAsync(HttpMethod.Post, Url,
            """{"id": "mirror-fails", "name": "Committed", "source_url": "rtsp://127.0.0.1/m"}""", forceDomain: true);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("domain", response.ServedBy());
        await broken.Received(1).RewriteAsync(Arg.Any<CancellationToken>());
        Assert.Equal(1L, await api.ScalarAsync<long>("SELECT count(*) FROM cameras WHERE id = 'mirror-fails'"));
    }

    /// <summary>A repository that really writes (inside the domain attempt's transaction) and then throws.</summary>
    private static ICameraRepository WritesThenFails(ICameraRepository real)
    {
        var repository = Substitute.For<ICameraRepository>();
        repository.FindAsync(default!, default).ReturnsForAnyArgs(call => real.FindAsync(call.Arg<CameraId>(), call.Arg<CancellationToken>()));
        repository.AddAsync(default!, default).ReturnsForAnyArgs(async call =>
        {
            await real.AddAsync(call.Arg<Camera>(), call.Arg<CancellationToken>());
            throw new InvalidOperationException("the connection dropped after the insert");
        });
        repository.UpdateAsync(default!, default, default).ReturnsForAnyArgs<Task<bool>>(async call =>
        {
            await real.UpdateAsync(call.Arg<Camera>(), call.Arg<bool>(), call.Arg<CancellationToken>());
            throw new InvalidOperationException("the connection dropped after the update");
        });
        return repository;
    }

    private Task ResetCameraAsync(string id) => api.ExecuteAsync("""
        DELETE FROM cameras WHERE id = @id;
        INSERT INTO cameras (id, name, location, source_url, enabled, status, created_at, updated_at)
        VALUES (@id, 'Before', 'Dock 7', 'rtsp://127.0.0.1:8554/before', false, 'unknown',
                '2026-09-01T07:00:00.5Z', '2026-09-02T07:00:00Z');
        """, new { id });
}
