using CameraMonitor.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CameraMonitor.Api.IntegrationTests.Infrastructure;

/// <summary>
/// The real API (WebApplicationFactory) over its own fresh PostgreSQL database, with the clock fixed so
/// responses are stable enough to snapshot. Tests add per-test service overrides with <see cref="WithServices"/>.
/// </summary>
public class ApiFixture : DatabaseFixture
{
    public static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Operator API keys of the test host (Admin:ApiKeys), one per role.</summary>
    public const string OperatorKey = "test-operator-key-0123456789";
    public const string OperatorOwner = "test-operator";
    public const string ReaderKey = "test-reader-key-0123456789";
    public const string ReaderOwner = "test-reader";

    public FakeTimeProvider Clock { get; } = new(Now);

    public WebApplicationFactory<Program> Factory { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    /// <summary>This fixture's own cameras.yaml (CameraMirror:Path), in a temp folder removed on dispose.</summary>
    public string CameraMirrorPath { get; } =
        Path.Combine(Path.GetTempPath(), "cameramonitor-mirror-" + Guid.NewGuid().ToString("N"), "cameras.yaml");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("ConnectionStrings:Postgres", ConnectionString);
            builder.UseSetting("DemoData:Load", "false");
            builder.UseSetting("CameraMirror:Path", CameraMirrorPath);
            builder.UseSetting("Admin:ApiKeys:0:Key", OperatorKey);
            builder.UseSetting("Admin:ApiKeys:0:Owner", OperatorOwner);
            builder.UseSetting("Admin:ApiKeys:0:Role", "operator");
            builder.UseSetting("Admin:ApiKeys:1:Key", ReaderKey);
            builder.UseSetting("Admin:ApiKeys:1:Owner", ReaderOwner);
            builder.UseSetting("Admin:ApiKeys:1:Role", "reader");
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
            ConfigureHost(builder);
        });
        Client = Factory.CreateClient();
        await SeedAsync();
    }

    public override async Task DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
        await base.DisposeAsync();
        if (Directory.Exists(Path.GetDirectoryName(CameraMirrorPath)))
        {
            Directory.Delete(Path.GetDirectoryName(CameraMirrorPath)!, recursive: true);
        }
    }

    /// <summary>A second host over the same database with some services replaced (e.g. a failing repository).</summary>
    public WebApplicationFactory<Program> WithServices(Action<IServiceCollection> configure) =>
        Factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(configure));

    /// <summary>A client of <paramref name="factory"/> (default: the main host) that sends an API key in X-Api-Key.</summary>
    public HttpClient CreateClientWithKey(string apiKey, WebApplicationFactory<Program>? factory = null)
    {
        var client = (factory ?? Factory).CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return client;
    }

    /// <summary>
    /// Forgets every instance's published evidence. The hosts of one fixture share its database (and a clock that does
    /// not move), so a test that reads cluster-wide reports starts from none; call it after the previous test's hosts are gone.
    /// </summary>
    public Task ResetEvidenceAsync() => ExecuteAsync(
        "DELETE FROM rollout_evidence_slices; DELETE FROM rollout_evidence_comparisons; DELETE FROM rollout_evidence_instances");

    protected virtual Task SeedAsync() => ExecuteAsync(SeedData.CamerasSql);

    /// <summary>Extra settings or services of the main host, for fixtures that need them.</summary>
    protected virtual void ConfigureHost(IWebHostBuilder builder)
    {
    }
}
