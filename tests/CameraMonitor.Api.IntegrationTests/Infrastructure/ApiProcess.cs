using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CameraMonitor.Api.IntegrationTests.Infrastructure;

/// <summary>
/// The built API (<c>dotnet CameraMonitor.Api.dll</c> from the test output) as a real, separate process: Development
/// environment, its own loopback port, the given database and settings (as environment variables, e.g.
/// <c>Rollout__Evidence__PublishIntervalSeconds</c>). Started ready (/health/ready answered 200), killed with SIGKILL
/// on <see cref="Kill"/> or dispose. For what an in-process host cannot show: several instances, a process that dies.
/// </summary>
public sealed class ApiProcess : IAsyncDisposable
{
    /// <summary>Keys of appsettings.Development.json: operator, reader, and one with every role (for traffic).</summary>
    public const string DevOperatorKey = "dev-operator-key-change-me";
    public const string DevReaderKey = "dev-reader-key-change-me";
    public const string DevAdminKey = "dev-admin-key-change-me";

    /// <summary>A development key whose role may call the camera API (every /api/v1 route needs a key).</summary>
    public const string DevViewerKey = "dev-viewer-key-change-me";

    private const int MaxOutputChars = 64_000;
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(90);

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly string _mirrorDirectory;

    private ApiProcess(string name, Process process, Uri baseAddress, string mirrorDirectory)
    {
        Name = name;
        _process = process;
        BaseAddress = baseAddress;
        _mirrorDirectory = mirrorDirectory;
    }

    public string Name { get; }

    public Uri BaseAddress { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>The header the API key goes in; another branch may move keys to another header.</summary>
    public string ApiKeyHeader { get; init; } = "X-Api-Key";

    /// <summary>What the process wrote so far (bounded), for assertion messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts the API against <paramref name="connectionString"/> and waits until it is ready.</summary>
    /// <param name="name">Its evidence instance id (Rollout:Evidence:InstanceId) and its name in messages.</param>
    public static async Task<ApiProcess> StartAsync(string name, string connectionString, IReadOnlyDictionary<string, string>? settings = null)
    {
        var directory = AppContext.BaseDirectory;
        var mirror = Path.Combine(Path.GetTempPath(), "cameramonitor-process-" + Guid.NewGuid().ToString("N"));
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(directory, "CameraMonitor.Api.dll"));
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["ConnectionStrings__Postgres"] = connectionString,
            ["DemoData__Load"] = "false",
            ["CameraMirror__Path"] = Path.Combine(mirror, "cameras.yaml"),
            ["Rollout__Evidence__InstanceId"] = name,
            ["Logging__Console__FormatterName"] = "simple",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = new ApiProcess(name, Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start"),
            new Uri($"http://127.0.0.1:{port}"), mirror);
        process._process.OutputDataReceived += (_, e) => process.Capture(e.Data);
        process._process.ErrorDataReceived += (_, e) => process.Capture(e.Data);
        process._process.BeginOutputReadLine();
        process._process.BeginErrorReadLine();
        try
        {
            await process.WaitReadyAsync();
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }

        return process;
    }

    /// <summary>A client of this instance; with <paramref name="apiKey"/>, every request carries it in <see cref="ApiKeyHeader"/>.</summary>
    public HttpClient CreateClient(string? apiKey = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add(ApiKeyHeader, apiKey);
        }

        return client;
    }

    /// <summary>SIGKILL: no shutdown hook runs, nothing is flushed; the process is gone when this returns.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        _process.Dispose();
        if (Directory.Exists(_mirrorDirectory))
        {
            Directory.Delete(_mirrorDirectory, recursive: true);
        }

        return ValueTask.CompletedTask;
    }

    private async Task WaitReadyAsync()
    {
        using var client = CreateClient();
        client.Timeout = TimeSpan.FromSeconds(5);
        var watch = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with {_process.ExitCode} before it was ready:\n{Output}");
            }

            try
            {
                using var response = await client.GetAsync("/health/ready");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                // not listening yet
            }

            if (watch.Elapsed > StartLimit)
            {
                throw new TimeoutException($"{Name} was not ready within {StartLimit.TotalSeconds} s:\n{Output}");
            }

            await Task.Delay(200);
        }
    }

    private void Capture(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            if (_output.Length < MaxOutputChars)
            {
                _output.AppendLine(line);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
