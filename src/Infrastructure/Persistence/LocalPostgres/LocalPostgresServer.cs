using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace CameraMonitor.Infrastructure.Persistence.LocalPostgres;

/// <summary>
/// A PostgreSQL cluster started from the locally installed binaries, for development runs and tests when
/// no connection string is given. PostgreSQL refuses to run as root, so as root every command runs as
/// the <c>postgres</c> user (runuser), and the data folder is handed to that user. It listens on
/// 127.0.0.1 only, on a free port, with trust authentication and no Unix socket.
/// </summary>
public sealed class LocalPostgresServer : IAsyncDisposable
{
    public const string DatabaseName = "cameramonitor";
    private const string ServiceUser = "postgres";

    private readonly string _binDirectory;
    private readonly bool _ownsProcess;

    private LocalPostgresServer(string binDirectory, string dataDirectory, int port, bool ownsProcess)
    {
        _binDirectory = binDirectory;
        DataDirectory = dataDirectory;
        Port = port;
        _ownsProcess = ownsProcess;
    }

    public string DataDirectory { get; }

    public int Port { get; }

    public string ConnectionString(string database = DatabaseName) =>
        $"Host=127.0.0.1;Port={Port};Username={ServiceUser};Database={database};Pooling=true;Timeout=15";

    /// <summary>Starts (initialising when new) the cluster in <paramref name="dataDirectory"/>, or reuses it if already running.</summary>
    public static async Task<LocalPostgresServer> StartAsync(string dataDirectory, CancellationToken cancellationToken = default)
    {
        var binDirectory = FindBinDirectory();
        dataDirectory = Path.GetFullPath(dataDirectory);
        if (IsRoot)
        {
            dataDirectory = await PrepareForServiceUserAsync(dataDirectory, cancellationToken);
        }
        else
        {
            Directory.CreateDirectory(dataDirectory);
        }

        if (!File.Exists(Path.Combine(dataDirectory, "PG_VERSION")))
        {
            await RunAsync(Path.Combine(binDirectory, "initdb"),
                ["-D", dataDirectory, "-U", ServiceUser, "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8"],
                asServiceUser: true, cancellationToken);
        }

        var server = TryAttachToRunning(binDirectory, dataDirectory)
                     ?? await StartNewAsync(binDirectory, dataDirectory, cancellationToken);
        await server.EnsureDatabaseAsync(DatabaseName, cancellationToken);
        return server;
    }

    public async Task EnsureDatabaseAsync(string database, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", database);
        if (await exists.ExecuteScalarAsync(cancellationToken) is null)
        {
            // CREATE DATABASE takes no parameters; the name is quoted as an identifier, never spliced raw.
            var quoted = new NpgsqlCommandBuilder().QuoteIdentifier(database);
            await using var create = new NpgsqlCommand($"CREATE DATABASE {quoted}", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_ownsProcess)
        {
            NpgsqlConnection.ClearAllPools();
            await RunAsync(Path.Combine(_binDirectory, "pg_ctl"), ["-D", DataDirectory, "-m", "fast", "-w", "stop"],
                asServiceUser: true, CancellationToken.None);
        }
    }

    private static bool IsRoot => Environment.UserName == "root";

    /// <summary>
    /// Hands the folder to the postgres user. When that user cannot reach it (a checkout under /root, whose
    /// mode is 700), the cluster goes to a folder of its own under the system temp folder instead, named
    /// after the requested path so the same checkout finds it again; <see cref="DataDirectory"/> tells where.
    /// </summary>
    private static async Task<string> PrepareForServiceUserAsync(string dataDirectory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(dataDirectory);
        await RunAsync("chown", ["-R", $"{ServiceUser}:{ServiceUser}", dataDirectory], asServiceUser: false, cancellationToken);
        await RunAsync("chmod", ["700", dataDirectory], asServiceUser: false, cancellationToken);
        if (await RunAsync("test", ["-w", dataDirectory, "-a", "-x", dataDirectory], asServiceUser: true, cancellationToken,
                throwOnFailure: false) == 0)
        {
            return dataDirectory;
        }

        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(dataDirectory)))[..12];
        var reachable = Path.Combine(Path.GetTempPath(), $"cameramonitor-pg-{hash}");
        Directory.CreateDirectory(reachable);
        await RunAsync("chown", ["-R", $"{ServiceUser}:{ServiceUser}", reachable], asServiceUser: false, cancellationToken);
        await RunAsync("chmod", ["700", reachable], asServiceUser: false, cancellationToken);
        return reachable;
    }

    private static async Task<LocalPostgresServer> StartNewAsync(string binDirectory, string dataDirectory,
        CancellationToken cancellationToken)
    {
        var port = FreePort();
        // 300 connections: the test process hosts dozens of API instances at once, each with its own pool and
        // background readers (plan states for the metrics, the rollout listener); 100 ran out under load.
        var options = $"-p {port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c fsync=off -c max_connections=300";
        await RunAsync(Path.Combine(binDirectory, "pg_ctl"),
            ["-D", dataDirectory, "-o", options, "-l", Path.Combine(dataDirectory, "server.log"), "-w", "-t", "60", "start"],
            asServiceUser: true, cancellationToken);
        return new LocalPostgresServer(binDirectory, dataDirectory, port, ownsProcess: true);
    }

    /// <summary>A second instance on the same data folder shares the running server instead of failing.</summary>
    private static LocalPostgresServer? TryAttachToRunning(string binDirectory, string dataDirectory)
    {
        var pidFile = Path.Combine(dataDirectory, "postmaster.pid");
        if (!File.Exists(pidFile))
        {
            return null;
        }

        var lines = File.ReadAllLines(pidFile);
        if (lines.Length < 4 || !int.TryParse(lines[0], out var pid) || !int.TryParse(lines[3], out var port)
            || !IsAlive(pid))
        {
            return null; // stale file of a crashed run: pg_ctl start removes it
        }

        return new LocalPostgresServer(binDirectory, dataDirectory, port, ownsProcess: false);
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string FindBinDirectory()
    {
        var configured = Environment.GetEnvironmentVariable("PG_BIN");
        if (!string.IsNullOrEmpty(configured))
        {
            return configured;
        }

        const string root = "/usr/lib/postgresql";
        var found = Directory.Exists(root)
            ? Directory.GetDirectories(root)
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "pg_ctl")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;
        return found ?? throw new InvalidOperationException(
            "No PostgreSQL binaries found under /usr/lib/postgresql/*/bin (install postgresql-15, or set PG_BIN, " +
            "or give a connection string in ConnectionStrings__Postgres).");
    }

    private static async Task<int> RunAsync(string fileName, IReadOnlyList<string> arguments, bool asServiceUser,
        CancellationToken cancellationToken, bool throwOnFailure = true)
    {
        var start = new ProcessStartInfo
        {
            FileName = asServiceUser && IsRoot ? "runuser" : fileName,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = "/",
        };
        if (asServiceUser && IsRoot)
        {
            foreach (var prefix in new[] { "-u", ServiceUser, "--", fileName })
            {
                start.ArgumentList.Add(prefix);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0 && throwOnFailure)
        {
            throw new InvalidOperationException(
                $"{Path.GetFileName(fileName)} exited with {process.ExitCode}: {await stderr}{await stdout}");
        }

        return process.ExitCode;
    }
}
