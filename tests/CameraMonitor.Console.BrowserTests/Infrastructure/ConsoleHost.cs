using CameraMonitor.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CameraMonitor.Console.BrowserTests.Infrastructure;

/// <summary>
/// The real API on a loopback port (Kestrel: the browser needs a socket) over its own PostgreSQL database with demo
/// data, plans judged every second, and Debian's chromium driven by Playwright. One per test class.
/// </summary>
public sealed class ConsoleHost : DatabaseFixture
{
    public const string OperatorKey = "browser-operator-key-0123456789";
    public const string OperatorOwner = "console-operator";
    public const string ReaderKey = "browser-reader-key-0123456789";
    public const string ReaderOwner = "console-reader";

    /// <summary>A viewer: the key of the read traffic the tests generate (every /api/v1 route needs a key).</summary>
    public const string TrafficKey = "browser-viewer-key-0123456789";

    /// <summary>Where Debian installs chromium (.ci/run installs it); override with CHROMIUM_PATH.</summary>
    public static readonly string ChromiumPath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";

    private WebApplicationFactory<Program> factory = null!;
    private IPlaywright playwright = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Testing");
            // A free port on the loopback address, so test classes (and other checkouts) never collide.
            builder.UseSetting(WebHostDefaults.ServerUrlsKey, "http://127.0.0.1:0");
            builder.UseSetting("ConnectionStrings:Postgres", ConnectionString);
            builder.UseSetting("DemoData:Load", "true");
            builder.UseSetting("CameraMirror:Path", Path.Combine(Path.GetTempPath(), $"cameramonitor-console-{Guid.NewGuid():N}.yaml"));
            builder.UseSetting("Rollout:Plans:EvaluationIntervalSeconds", "1");
            UseKey(builder, 0, OperatorKey, OperatorOwner, "operator");
            UseKey(builder, 1, ReaderKey, ReaderOwner, "reader");
            UseKey(builder, 2, TrafficKey, "console-traffic", "viewer");
        });
        factory.UseKestrel();
        factory.StartServer();
        // The port Kestrel picked; loopback by IP, so nothing depends on how "localhost" resolves.
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"No chromium at {ChromiumPath}: apt-get install chromium (.ci/run does), or set CHROMIUM_PATH.");
        }

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // CI runs as root, where chromium refuses its sandbox.
            Args = ["--no-sandbox", "--disable-dev-shm-usage"],
        });
    }

    public override async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        playwright.Dispose();
        await factory.DisposeAsync();
        await base.DisposeAsync();
    }

    private static void UseKey(IWebHostBuilder builder, int index, string key, string owner, string role)
    {
        builder.UseSetting($"Auth:ApiKeys:{index}:Key", key);
        builder.UseSetting($"Auth:ApiKeys:{index}:Owner", owner);
        builder.UseSetting($"Auth:ApiKeys:{index}:Roles:0", role);
    }

    /// <summary>A client of the host that sends <paramref name="apiKey"/>, for arranging state and generating traffic.</summary>
    public HttpClient CreateClient(string apiKey = OperatorKey)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return client;
    }
}
