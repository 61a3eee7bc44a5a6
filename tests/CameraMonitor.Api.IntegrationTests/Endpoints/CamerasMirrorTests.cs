using System.Globalization;
using System.Net;
using System.Text.Json;
using Dapper;
using YamlDotNet.Serialization;

namespace CameraMonitor.Api.IntegrationTests.Endpoints;

/// <summary>cameras.yaml follows every committed camera write, is repaired at start-up, and reports differences.</summary>
public sealed class CamerasMirrorTests(CamerasMirrorFixture api) : IClassFixture<CamerasMirrorFixture>
{
    private const string Url = CamerasHttp.Url;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Mirror_AfterCreateUpdateAndDelete_OnBothPaths_ParsesAndEqualsTheTable(bool forceDomain)
    {
        var id = "mirror-" + CamerasHttp.PathName(forceDomain);

        using (var created = await api.Client.SendOnPathAsync(HttpMethod.Post, Url,
                   $$"""{"id": "{{id}}", "name": "true", "location": "'quoted: yes' # not a comment", "source_url": "rtsp://127.0.0.1/{{id}}"}""",
                   forceDomain))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        await AssertFileEqualsTableAsync();
        Assert.Contains(id, await FileIdsAsync());

        using (var updated = await api.Client.SendOnPathAsync(HttpMethod.Put, $"{Url}/{id}",
                   """{"name": "123", "enabled": false, "status": "online"}""", forceDomain))
        {
            Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        }

        await AssertFileEqualsTableAsync();

        using (var deleted = await api.Client.SendOnPathAsync(HttpMethod.Delete, $"{Url}/{id}", null, forceDomain))
        {
            Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        }

        await AssertFileEqualsTableAsync();
        Assert.DoesNotContain(id, await FileIdsAsync());
    }

    [Fact]
    public async Task Mirror_WhenAWriteFails_IsNotRewritten_AndTheNextCommittedWriteRewritesIt()
    {
        await api.Client.GetAsync(Url + "/consistency");
        await File.AppendAllTextAsync(api.CameraMirrorPath, "# marker: the file was not rewritten\n");

        using (var conflict = await api.Client.SendOnPathAsync(HttpMethod.Post, Url,
                   """{"id": "cam0", "name": "Dup", "source_url": "rtsp://127.0.0.1/d"}""", forceDomain: true))
        {
            Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        }

        using (var missing = await api.Client.SendOnPathAsync(HttpMethod.Delete, Url + "/not-there", null, forceDomain: false))
        {
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        }

        Assert.Contains("# marker", await File.ReadAllTextAsync(api.CameraMirrorPath), StringComparison.Ordinal);

        using (var written = await api.Client.SendOnPathAsync(HttpMethod.Put, Url + "/cam10", """{"location": "Hall 9"}""",
                   forceDomain: true))
        {
            Assert.Equal(HttpStatusCode.OK, written.StatusCode);
        }

        Assert.DoesNotContain("# marker", await File.ReadAllTextAsync(api.CameraMirrorPath), StringComparison.Ordinal);
        await AssertFileEqualsTableAsync();
    }

    [Fact]
    public async Task Consistency_WhenTheFileWasEditedByHand_ReportsEveryDifference_AndARestartRepairsIt()
    {
        var rows = await TableRowsAsync();
        var edited = rows.Where(r => r["id"] != "cam1").Select(r => new Dictionary<string, string>(r)).ToList();
        edited.Single(r => r["id"] == "cam0")["name"] = "Tampered";
        edited.Single(r => r["id"] == "cam2")["enabled"] = "false";
        edited.Add(new Dictionary<string, string>(edited[0]) { ["id"] = "ghost" });
        await File.WriteAllTextAsync(api.CameraMirrorPath,
            new SerializerBuilder().Build().Serialize(new Dictionary<string, object> { ["cameras"] = edited }));

        var report = JsonDocument.Parse(await api.Client.GetStringAsync(Url + "/consistency")).RootElement;

        Assert.False(report.GetProperty("consistent").GetBoolean());
        Assert.Equal(JsonValueKind.Null, report.GetProperty("file_problem").ValueKind);
        Assert.Equal(["cam1"], Strings(report.GetProperty("missing_in_file")));
        Assert.Equal(["ghost"], Strings(report.GetProperty("missing_in_database")));
        Assert.Equal(["cam0 name Kitchen line 1 -> Tampered", "cam2 enabled true -> false"],
            report.GetProperty("differences").EnumerateArray().Select(d =>
                $"{d.GetProperty("camera_id")} {d.GetProperty("field")} {d.GetProperty("database")} -> {d.GetProperty("file")}"));

        await RestartAsync();

        await AssertFileEqualsTableAsync();
    }

    [Theory]
    [InlineData("corrupt")]
    [InlineData("deleted")]
    [InlineData("stale")]
    public async Task Restart_AfterACrashBetweenCommitAndRewrite_RepairsTheFile(string damage)
    {
        switch (damage)
        {
            case "corrupt":
                await File.WriteAllTextAsync(api.CameraMirrorPath, "cameras: [ {id: cam0, name: \n  half-written");
                break;
            case "deleted":
                File.Delete(api.CameraMirrorPath);
                break;
            default:
                await api.ExecuteAsync("""
                    INSERT INTO cameras (id, name, location, source_url, enabled, status, created_at, updated_at)
                    VALUES ('committed-only', 'Never mirrored', '', 'rtsp://127.0.0.1/c', true, 'unknown', '2026-11-20T11:00:00Z', '2026-11-20T11:00:00Z')
                    ON CONFLICT (id) DO NOTHING
                    """);
                break;
        }

        var before = JsonDocument.Parse(await api.Client.GetStringAsync(Url + "/consistency")).RootElement;
        Assert.False(before.GetProperty("consistent").GetBoolean());

        await RestartAsync();

        await AssertFileEqualsTableAsync();
    }

    [Fact]
    public async Task FiftyConcurrentCameraWrites_OnBothPaths_LeaveTheFileEqualToTheTable()
    {
        // A smaller pool than the default keeps 50 parallel requests within the test server's connections.
        using var factory = api.Factory.WithWebHostBuilder(builder =>
            builder.UseSetting("ConnectionStrings:Postgres", api.ConnectionString + ";Maximum Pool Size=20"));
        using var client = factory.CreateClient();

        var statuses = await Task.WhenAll(Enumerable.Range(0, 50).Select(async i =>
        {
            var id = $"burst-{i:00}";
            var forceDomain = i % 2 == 0;
            var codes = new List<HttpStatusCode>();
            using (var created = await client.SendOnPathAsync(HttpMethod.Post, Url,
                       $$"""{"id": "{{id}}", "name": "Burst {{i}}", "source_url": "rtsp://127.0.0.1/{{i}}"}""", forceDomain))
            {
                codes.Add(created.StatusCode);
            }

            if (i % 3 == 0)
            {
                using var updated = await client.SendOnPathAsync(HttpMethod.Put, $"{Url}/{id}",
                    """{"status": "online"}""", !forceDomain);
                codes.Add(updated.StatusCode);
            }

            if (i % 5 == 0)
            {
                using var deleted = await client.SendOnPathAsync(HttpMethod.Delete, $"{Url}/{id}", null, forceDomain);
                codes.Add(deleted.StatusCode);
            }

            return codes;
        }));

        Assert.All(statuses.SelectMany(s => s), code => Assert.True(code is HttpStatusCode.Created or HttpStatusCode.OK, code.ToString()));
        Assert.Equal(40L, await api.ScalarAsync<long>("SELECT count(*) FROM cameras WHERE id LIKE 'burst-%'"));
        await AssertFileEqualsTableAsync();
    }

    [Fact]
    public async Task Startup_WhenTheMirrorCannotBeWritten_StillServesAndTheCheckSaysSo()
    {
        // A regular file where the mirror's folder should be: creating the folder fails with an IOException.
        var blocker = Path.Combine(Path.GetDirectoryName(api.CameraMirrorPath)!, "not-a-folder");
        await File.WriteAllTextAsync(blocker, "");
        using var factory = api.WithServices(_ => { }).WithWebHostBuilder(builder =>
            builder.UseSetting("CameraMirror:Path", Path.Combine(blocker, "cameras.yaml")));
        using var client = factory.CreateClient();

        using var created = await client.SendOnPathAsync(HttpMethod.Post, Url,
            """{"id": "unmirrored", "name": "Still stored", "source_url": "rtsp://127.0.0.1/u"}""", forceDomain: false);
        var report = JsonDocument.Parse(await client.GetStringAsync(Url + "/consistency")).RootElement;

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("missing", report.GetProperty("file_problem").GetString());
        Assert.Contains("unmirrored", Strings(report.GetProperty("missing_in_file")));
    }

    private async Task RestartAsync()
    {
        using var restarted = api.WithServices(_ => { });
        using var client = restarted.CreateClient();
        var report = JsonDocument.Parse(await client.GetStringAsync(Url + "/consistency")).RootElement;
        Assert.True(report.GetProperty("consistent").GetBoolean(), report.ToString());
    }

    /// <summary>Reads the file with a plain YAML parser (not the app's classes) and compares it row by row with the table.</summary>
    private async Task AssertFileEqualsTableAsync()
    {
        var file = await FileRowsAsync();
        var table = await TableRowsAsync();

        Assert.Equal(table.Select(Line), file.Select(Line));
        var report = JsonDocument.Parse(await api.Client.GetStringAsync(Url + "/consistency")).RootElement;
        Assert.True(report.GetProperty("consistent").GetBoolean(), report.ToString());
    }

    private async Task<List<string>> FileIdsAsync() => (await FileRowsAsync()).Select(r => r["id"]).ToList();

    private async Task<List<Dictionary<string, string>>> FileRowsAsync()
    {
        var document = new DeserializerBuilder().Build()
            .Deserialize<Dictionary<string, List<Dictionary<string, string>>>>(await File.ReadAllTextAsync(api.CameraMirrorPath));
        return document["cameras"].Select(row => row.ToDictionary(f => f.Key, f => f.Key.EndsWith("_at", StringComparison.Ordinal)
            ? DateTime.Parse(f.Value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal).ToString("O", CultureInfo.InvariantCulture)
            : f.Value)).ToList();
    }

    private async Task<List<Dictionary<string, string>>> TableRowsAsync()
    {
        await using var connection = await api.DataSource.OpenConnectionAsync();
        var rows = await connection.QueryAsync(
            "SELECT id, name, location, source_url, enabled, status, created_at, updated_at FROM cameras ORDER BY id COLLATE \"C\"");
        return rows.Cast<IDictionary<string, object>>().Select(row => row.ToDictionary(f => f.Key, f => f.Value switch
        {
            DateTime time => DateTime.SpecifyKind(time.ToUniversalTime(), DateTimeKind.Utc).ToString("O", CultureInfo.InvariantCulture),
            bool flag => flag ? "true" : "false",
            var other => Convert.ToString(other, CultureInfo.InvariantCulture)!,
        })).ToList();
    }

    private static string Line(Dictionary<string, string> row) =>
        string.Join(" | ", new[] { "id", "name", "location", "source_url", "enabled", "status", "created_at", "updated_at" }
            .Select(key => row.GetValueOrDefault(key, "(absent)")));

    private static List<string> Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToList();
}
