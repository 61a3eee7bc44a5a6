using CameraMonitor.Application.Cameras;
using CameraMonitor.Infrastructure.CameraMirror;
using CameraMonitor.Testing;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;

namespace CameraMonitor.Infrastructure.IntegrationTests.Cameras;

public sealed class YamlCameraMirrorTests : IClassFixture<DatabaseFixture>, IDisposable
{
    private readonly DatabaseFixture _database;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "cameramonitor-mirror-unit-" + Guid.NewGuid().ToString("N"));

    public YamlCameraMirrorTests(DatabaseFixture database)
    {
        _database = database;
        DefaultTypeMap.MatchNamesWithUnderscores = true;
    }

    private string FilePath => Path.Combine(_folder, "nested", "cameras.yaml");

    [Fact]
    public async Task Rewrite_CreatesTheFolder_WritesTheHeaderAndLeavesNoTemporaryFile()
    {
        await SeedAsync("mirror-unit-a");

        await WithMirror(mirror => mirror.RewriteAsync(CancellationToken.None));

        var text = await File.ReadAllTextAsync(FilePath);
        Assert.StartsWith("# Mirror of the CameraMonitor cameras table", text, StringComparison.Ordinal);
        Assert.Contains("source_url: rtsp://127.0.0.1/mirror-unit-a", text, StringComparison.Ordinal);
        Assert.Equal(["cameras.yaml"], Directory.GetFiles(Path.GetDirectoryName(FilePath)!).Select(Path.GetFileName));
        Assert.True((await WithMirror(mirror => mirror.CheckAsync(CancellationToken.None))).Consistent);
    }

    [Theory]
    [InlineData("just a sentence, not a mapping")]
    [InlineData("cameras: [ {id: cam0, name: \n  half")]
    [InlineData("cameras:\n  - name: no id here\n")]
    [InlineData("cameras: 42")]
    public async Task Check_WhenTheFileIsNotAMirror_ReportsItUnreadableInsteadOfThrowing(string content)
    {
        await WithMirror(mirror => mirror.RewriteAsync(CancellationToken.None));
        await File.WriteAllTextAsync(FilePath, content);

        var report = await WithMirror(mirror => mirror.CheckAsync(CancellationToken.None));

        Assert.False(report.Consistent);
        Assert.StartsWith("unreadable", report.FileProblem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reconcile_WhenTheFileIsMissing_ReportsItAndWritesIt()
    {
        await SeedAsync("mirror-unit-b");

        var report = await WithMirror(mirror => mirror.ReconcileAsync(CancellationToken.None));

        Assert.Equal("missing", report.FileProblem);
        Assert.Contains("mirror-unit-b", report.MissingInFile);
        Assert.True((await WithMirror(mirror => mirror.CheckAsync(CancellationToken.None))).Consistent);
    }

    [Fact]
    public async Task Rewrite_RacingWithInserts_EndsEqualToTheTable()
    {
        await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
        {
            await SeedAsync($"mirror-race-{i:00}");
            await WithMirror(mirror => mirror.RewriteAsync(CancellationToken.None));
        }));

        Assert.True((await WithMirror(mirror => mirror.CheckAsync(CancellationToken.None))).Consistent);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private Task SeedAsync(string id) => _database.ExecuteAsync("""
        INSERT INTO cameras (id, name, location, source_url, enabled, status, created_at, updated_at)
        VALUES (@id, 'Mirror ' || @id, '', 'rtsp://127.0.0.1/' || @id, true, 'online', '2026-02-03T04:05:06.789Z', '2026-02-03T04:05:06.789Z')
        """, new { id });

    private async Task<T> WithMirror<T>(Func<ICameraMirror, Task<T>> use)
    {
        await using var session = _database.CreateSession();
        return await use(new YamlCameraMirror(session, FilePath, NullLogger<YamlCameraMirror>.Instance));
    }

    private Task WithMirror(Func<ICameraMirror, Task> use) => WithMirror(async mirror =>
    {
        await use(mirror);
        return true;
    });
}
