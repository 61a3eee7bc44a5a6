using CameraMonitor.Api.IntegrationTests.Contract;
using CameraMonitor.Api.Security;
using CameraMonitor.Testing;
using Dapper;
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

    /// <summary>
    /// The key every client of the fixture sends unless told otherwise: it holds every role, so a test about an
    /// endpoint's behaviour is not also a test about access. Use <see cref="CreateClientFor"/> for one role,
    /// <see cref="CreateAnonymousClient"/> for none.
    /// </summary>
    public const string AdminKey = "test-admin-key-0123456789";
    public const string AdminOwner = "test-admin";
    public const string OperatorKey = "test-operator-key-0123456789";
    public const string OperatorOwner = "test-operator";
    public const string ReaderKey = "test-reader-key-0123456789";
    public const string ReaderOwner = "test-reader";

    /// <summary>Tokens the test host accepts are signed with this key by this issuer for this audience (see <see cref="TestTokens"/>).</summary>
    public const string JwtSigningKey = "test-jwt-signing-key-0123456789-0123456789";
    public const string JwtIssuer = "https://issuer.cameramonitor.test";
    public const string JwtAudience = "cameramonitor-api";

    /// <summary>The key of the test host that holds exactly <paramref name="role"/> (Auth:ApiKeys, one per role).</summary>
    public static string KeyOf(string role) => $"test-{role}-key-0123456789";

    /// <summary>The owner name of <see cref="KeyOf"/>: what handled_by, audit rows and created_by show.</summary>
    public static string OwnerOf(string role) => $"test-{role}";

    public FakeTimeProvider Clock { get; } = new(Now);

    public WebApplicationFactory<Program> Factory { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    /// <summary>This fixture's own cameras.yaml (CameraMirror:Path), in a temp folder removed on dispose.</summary>
    public string CameraMirrorPath { get; } =
        Path.Combine(Path.GetTempPath(), "cameramonitor-mirror-" + Guid.NewGuid().ToString("N"), "cameras.yaml");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Factory = new AuthenticatedApiFactory(AdminKey).WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("ConnectionStrings:Postgres", ConnectionString);
            builder.UseSetting("DemoData:Load", "false");
            builder.UseSetting("Retention:Days", "0"); // tests date their rows freely; partitions are still made ahead
            builder.UseSetting("CameraMirror:Path", CameraMirrorPath);
            builder.UseSetting("CameraMirror:ReconcileIntervalSeconds", "0"); // tests that edit the file by hand must see it as they left it
            // The clock stands still, so a snapshot would never age: tests that change data and read statistics again must see
            // the change. Snapshot tests switch them on (SnapshotApiFixture).
            builder.UseSetting("Snapshots:Enabled", "false");
            UseTestCredentials(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
            ConfigureHost(builder);
        });
        Client = CreateValidatedClient(Factory);
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

    /// <summary>A client of <paramref name="factory"/> (default: the main host) that sends <paramref name="apiKey"/> in X-Api-Key.</summary>
    public HttpClient CreateClientWithKey(string apiKey, WebApplicationFactory<Program>? factory = null)
    {
        var client = CreateAnonymousClient(factory);
        client.DefaultRequestHeaders.Add(AuthenticatedApiFactory.ApiKeyHeader, apiKey);
        return client;
    }

    /// <summary>A client whose key holds only <paramref name="role"/> (an <c>ApiRoles</c> constant, e.g. "reviewer").</summary>
    public HttpClient CreateClientFor(string role, WebApplicationFactory<Program>? factory = null) =>
        CreateClientWithKey(KeyOf(role), factory);

    /// <summary>A client that sends no credentials at all.</summary>
    public HttpClient CreateAnonymousClient(WebApplicationFactory<Program>? factory = null)
    {
        var client = CreateValidatedClient(factory ?? Factory);
        client.DefaultRequestHeaders.Remove(AuthenticatedApiFactory.ApiKeyHeader);
        return client;
    }

    /// <summary>
    /// Forgets every instance's published evidence. The hosts of one fixture share its database (and a clock that does
    /// not move), so a test that reads cluster-wide reports starts from none; call it after the previous test's hosts are gone.
    /// </summary>
    public Task ResetEvidenceAsync() => ExecuteAsync(
        "DELETE FROM rollout_evidence_slices; DELETE FROM rollout_evidence_comparisons; DELETE FROM rollout_evidence_instances");

    /// <summary>
    /// Connections to this fixture's database whose application_name is <paramref name="applicationName"/>. Idle pooled
    /// connections count too (Npgsql closes them after minutes), so it shows which pools a host has used.
    /// </summary>
    public async Task<long> ConnectionsNamedAsync(string applicationName)
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND application_name = @applicationName",
            new { applicationName });
    }

    /// <summary>
    /// A client of <paramref name="factory"/> whose every /api/v1 exchange is checked against the served OpenAPI
    /// document (docs/observability.md, "The contract"): an undeclared status or a body off its schema fails the test.
    /// </summary>
    private HttpClient CreateValidatedClient(WebApplicationFactory<Program> factory) =>
        factory.CreateDefaultClient(new ContractValidatingHandler(() => SharedContract.Of(Factory, AdminKey)));

    protected virtual Task SeedAsync() => ExecuteAsync(SeedData.CamerasSql);

    /// <summary>Adds bare cameras (name = id) for a fixture's own tests.</summary>
    protected async Task AddCamerasAsync(IEnumerable<string> cameras)
    {
        foreach (var camera in cameras)
        {
            await ExecuteAsync("""
                INSERT INTO cameras (id, name, source_url, created_at, updated_at)
                VALUES (@camera, @camera, 'rtsp://127.0.0.1/' || @camera, '2026-10-01T00:00:00Z', '2026-10-01T00:00:00Z')
                """, new { camera });
        }
    }

    /// <summary>One key per role, the all-roles <see cref="AdminKey"/>, and the token settings of <see cref="TestTokens"/>.</summary>
    private static void UseTestCredentials(IWebHostBuilder builder)
    {
        string[] roles = [.. ApiRoles.All];
        var keys = roles.Select(role => (Key: KeyOf(role), Owner: OwnerOf(role), Roles: new[] { role }))
            .Append((Key: AdminKey, Owner: AdminOwner, Roles: roles));
        foreach (var (entry, i) in keys.Select((entry, i) => (entry, i)))
        {
            builder.UseSetting($"Auth:ApiKeys:{i}:Key", entry.Key);
            builder.UseSetting($"Auth:ApiKeys:{i}:Owner", entry.Owner);
            foreach (var (role, j) in entry.Roles.Select((role, j) => (role, j)))
            {
                builder.UseSetting($"Auth:ApiKeys:{i}:Roles:{j}", role);
            }
        }

        builder.UseSetting("Auth:Jwt:SigningKey", JwtSigningKey);
        builder.UseSetting("Auth:Jwt:Issuer", JwtIssuer);
        builder.UseSetting("Auth:Jwt:Audience", JwtAudience);
    }

    /// <summary>Extra settings or services of the main host, for fixtures that need them.</summary>
    protected virtual void ConfigureHost(IWebHostBuilder builder)
    {
    }
}
