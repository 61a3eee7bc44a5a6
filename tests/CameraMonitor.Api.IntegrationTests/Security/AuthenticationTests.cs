using System.Net;
using CameraMonitor.Api.IntegrationTests.Infrastructure;
using CameraMonitor.Api.Security;
using CameraMonitor.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

namespace CameraMonitor.Api.IntegrationTests.Security;

public sealed class AuthenticationTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private const string Cameras = "/api/v1/cameras";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task HashedKey_WhenPresented_AuthenticatesItsOwnerWithItsRoles(bool upperCaseHash)
    {
        const string key = "a-hashed-key-0123456789";
        var hash = ApiKeyHash.HexOf(key);
        using var host = api.WithServices(_ => { }).WithWebHostBuilder(b =>
        {
            b.UseSetting("Auth:ApiKeys:20:KeyHash", upperCaseHash ? hash.ToUpperInvariant() : hash);
            b.UseSetting("Auth:ApiKeys:20:Owner", "hashed-owner");
            b.UseSetting("Auth:ApiKeys:20:Roles:0", ApiRoles.Viewer);
        });
        using var client = api.CreateClientWithKey(key, host);
        using var wrong = api.CreateClientWithKey(hash, host); // the hash itself is not the key

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Cameras)).StatusCode);
        await (await client.PostAsync(Cameras, null)).ProblemAsync(HttpStatusCode.Forbidden);
        await (await wrong.GetAsync(Cameras)).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task LegacyAdminKey_StillOpensTheOperatorApi_WithItsRole()
    {
        using var host = api.WithServices(_ => { }).WithWebHostBuilder(b =>
        {
            b.UseSetting("Admin:ApiKeys:0:Key", "legacy-operator-key-0123456789");
            b.UseSetting("Admin:ApiKeys:0:Owner", "legacy-operator");
            b.UseSetting("Admin:ApiKeys:0:Role", ApiRoles.Reader);
        });
        using var client = api.CreateClientWithKey("legacy-operator-key-0123456789", host);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/admin/rollout/endpoints")).StatusCode);
        await (await client.DeleteAsync("/api/v1/admin/rollout/endpoints/ListCameras")).ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Token_WhenValid_NamesItsSubjectAndGrantsItsRoles()
    {
        using var client = api.CreateAnonymousClient().WithBearer(TestTokens.Valid("carol", ApiRoles.Viewer, ApiRoles.Operator));

        using var response = await client.GetAsync(Cameras + "?force_domain=true");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("domain", response.ServedBy());
    }

    [Fact]
    public async Task Token_WhenTheAuthorityIsUnreachable_Answers503WithRetryAfter()
    {
        // Port 9 (discard) on loopback: nothing listens, so the metadata fetch fails at once.
        using var host = api.WithServices(_ => { }).WithWebHostBuilder(b =>
        {
            b.UseSetting("Auth:Jwt:Authority", "http://127.0.0.1:9/realms/cameramonitor");
            b.UseSetting("Auth:Jwt:RequireHttpsMetadata", "false");
            b.UseSetting("Auth:Jwt:SigningKey", "");
        });
        using var client = api.CreateAnonymousClient(host).WithBearer(TestTokens.Valid("carol", ApiRoles.Viewer));

        using var response = await client.GetAsync(Cameras);

        var problem = await response.ProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Contains("token issuer", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_WhenExpired_Answers401WithTheBearerChallenge()
    {
        using var client = api.CreateAnonymousClient().WithBearer(TestTokens.Expired("carol", ApiRoles.Viewer));

        using var response = await client.GetAsync(Cameras);

        await response.ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
    }

    [Fact]
    public void HashKeyCommand_PrintsTheSha256OfTheKey_AndSaysItRan()
    {
        using var output = new StringWriter();

        var ran = ApiKeyHash.TryRunCommand(["hash-key", "abc"], output);

        Assert.True(ran);
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", output.ToString().Trim());
        Assert.False(ApiKeyHash.TryRunCommand(["--urls", "http://127.0.0.1:5000"], output));
    }

    [Fact]
    public void StoredHash_IsWorkedOutOnce_AndFollowsAChangedKeyOrKeyHash()
    {
        var options = new ApiKeyOptions { Key = "first-key-0123456789" };

        var first = options.Hash();

        Assert.Same(first, options.Hash()); // not hashed again per request
        Assert.Equal(ApiKeyHash.Of("first-key-0123456789"), first);
        options.Key = "second-key-0123456789";
        Assert.Equal(ApiKeyHash.Of("second-key-0123456789"), options.Hash());
        options.Key = string.Empty;
        options.KeyHash = ApiKeyHash.HexOf("third-key-0123456789");
        Assert.Equal(ApiKeyHash.Of("third-key-0123456789"), options.Hash());
    }

    [Theory]
    [InlineData("Key")]
    [InlineData("KeyHash")]
    public async Task Startup_InProductionWithADevelopmentKey_IsRefusedBeforeAnyMigration(string field)
    {
        var connectionString = await PostgresTestServer.CreateDatabaseAsync(migrate: false);
        var published = DevelopmentKeys.ForRole(ApiRoles.Viewer);
        await using var production = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Production");
            b.UseSetting("ConnectionStrings:Postgres", connectionString);
            b.UseSetting($"Auth:ApiKeys:0:{field}", field == "Key" ? published : ApiKeyHash.HexOf(published));
            b.UseSetting("Auth:ApiKeys:0:Owner", "someone");
            b.UseSetting("Auth:ApiKeys:0:Roles:0", ApiRoles.Viewer);
        });

        var error = Assert.ThrowsAny<Exception>(() => production.CreateClient());

        Assert.Contains("Auth:ApiKeys:0 is a published development key", error.ToString(), StringComparison.Ordinal);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var tables = new NpgsqlCommand("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'", connection);
        Assert.Equal(0L, (long)(await tables.ExecuteScalarAsync())!);
    }
}
