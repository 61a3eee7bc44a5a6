using System.Net;
using System.Net.Http.Json;
using System.Text;
using CameraMonitor.Api.IntegrationTests.Infrastructure;

namespace CameraMonitor.Api.IntegrationTests.Rollout.Admin;

public sealed class AdminRolloutEndpointsTests(ApiFixture api) : IClassFixture<ApiFixture>, IDisposable
{
    private const string Endpoint = "ListCameras";
    private readonly HttpClient _operator = api.CreateClientWithKey(ApiFixture.OperatorKey);

    [Fact]
    public async Task ListEndpoints_ShowsEveryRoutedEndpointWithTheSourceOfEachValue()
    {
        await _operator.DeleteAsync($"{AdminApi.Prefix}/endpoints/{Endpoint}");

        var body = await _operator.GetJsonAsync($"{AdminApi.Prefix}/endpoints");

        Assert.True(body.GetProperty("kill_switch_allows_domain").GetBoolean());
        var cameras = body.GetProperty("endpoints").EnumerateArray().Single(e => e.GetProperty("endpoint").GetString() == Endpoint);
        Assert.Equal(0, cameras.GetProperty("percentage").GetDouble());
        Assert.Equal("appsettings", cameras.GetProperty("sources").GetProperty("percentage").GetString());
        Assert.Equal("default", cameras.GetProperty("sources").GetProperty("parity_sample_rate").GetString());
    }

    [Fact]
    public async Task Put_ChangesOnlyTheGivenValues_AndReportsThemAsOverrides()
    {
        await _operator.PutEndpointAsync(Endpoint, new { deny = new[] { "blocked-client" }, reason = "first" });

        var updated = await _operator.PutEndpointAsync(Endpoint, new { percentage = 25, reason = "second" });

        Assert.Equal(25, updated.GetProperty("percentage").GetDouble());
        Assert.Equal(["blocked-client"], updated.GetProperty("deny").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("override", updated.GetProperty("sources").GetProperty("percentage").GetString());
        Assert.Equal("override", updated.GetProperty("sources").GetProperty("deny").GetString());
        Assert.Equal("default", updated.GetProperty("sources").GetProperty("allow").GetString());
    }

    [Fact]
    public async Task Put_IsServedAtOnce_AndWritesAnAuditRowNamingTheKeyOwner()
    {
        await _operator.PutEndpointAsync(Endpoint, new { percentage = 100, reason = "go live" });

        using var served = await api.Client.GetAsync("/api/v1/cameras");
        var audit = await _operator.GetJsonAsync($"{AdminApi.Prefix}/audit");

        Assert.Equal("domain", served.ServedBy());
        var newest = audit.GetProperty("entries")[0];
        Assert.Equal(Endpoint, newest.GetProperty("endpoint").GetString());
        Assert.Equal(ApiFixture.OperatorOwner, newest.GetProperty("changed_by").GetString());
        Assert.Equal("go live", newest.GetProperty("reason").GetString());
        Assert.Equal(100, newest.GetProperty("new_value").GetProperty("percentage").GetDouble());
        Assert.EndsWith("Z", newest.GetProperty("changed_at").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_ListsChangesNewestFirst()
    {
        await _operator.PutEndpointAsync(Endpoint, new { percentage = 10, reason = "older" });
        await _operator.PutEndpointAsync(Endpoint, new { percentage = 20, reason = "newer" });

        var entries = (await _operator.GetJsonAsync($"{AdminApi.Prefix}/audit?limit=2")).GetProperty("entries");

        Assert.Equal(2, entries.GetArrayLength());
        Assert.Equal("newer", entries[0].GetProperty("reason").GetString());
        Assert.Equal(10, entries[0].GetProperty("old_value").GetProperty("percentage").GetDouble());
        Assert.Equal("older", entries[1].GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Rollback_SetsThePercentageToZero_KeepingTheOtherValues()
    {
        await _operator.PutEndpointAsync(Endpoint, new { percentage = 50, allow = new[] { "tester" } });

        using var response = await _operator.PostAsync($"{AdminApi.Prefix}/endpoints/{Endpoint}/rollback?reason=errors", null);
        var body = await response.JsonAsync(HttpStatusCode.OK);

        Assert.Equal(0, body.GetProperty("percentage").GetDouble());
        Assert.Equal(["tester"], body.GetProperty("allow").EnumerateArray().Select(e => e.GetString()));
        using var served = await api.Client.GetAsync("/api/v1/cameras");
        Assert.Equal("legacy", served.ServedBy());
    }

    [Fact]
    public async Task Delete_RemovesTheOverride_SoConfigurationAppliesAgain()
    {
        await _operator.PutEndpointAsync(Endpoint, new { percentage = 70 });

        using var response = await _operator.DeleteAsync($"{AdminApi.Prefix}/endpoints/{Endpoint}?reason=cleanup");
        var body = await response.JsonAsync(HttpStatusCode.OK);

        Assert.Equal(0, body.GetProperty("percentage").GetDouble());
        Assert.Equal("appsettings", body.GetProperty("sources").GetProperty("percentage").GetString());
        var newest = (await _operator.GetJsonAsync($"{AdminApi.Prefix}/audit?limit=1")).GetProperty("entries")[0];
        Assert.Equal("cleanup", newest.GetProperty("reason").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, newest.GetProperty("new_value").ValueKind);
    }

    [Theory]
    [InlineData("""{"percentage": 101}""", "percentage")]
    [InlineData("""{"percentage": -1}""", "percentage")]
    [InlineData("""{"parity_sample_rate": 100.5}""", "parity_sample_rate")]
    [InlineData("""{"allow": ["ok", " "]}""", "allow")]
    [InlineData("""{"deny": [""]}""", "deny")]
    [InlineData("""{}""", "body")]
    public async Task Put_WhenAValueIsOutOfRange_Answers400NamingTheField_AndChangesNothing(string json, string field)
    {
        var before = await _operator.GetJsonAsync($"{AdminApi.Prefix}/audit");

        using var response = await _operator.PutAsync($"{AdminApi.Prefix}/endpoints/{Endpoint}",
            new StringContent(json, Encoding.UTF8, "application/json"));

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        var after = await _operator.GetJsonAsync($"{AdminApi.Prefix}/audit");
        Assert.Equal(before.ToString(), after.ToString());
    }

    [Theory]
    [InlineData("""{"percentage": "abc"}""")]
    [InlineData("""{"percentage": 10""")]
    [InlineData("""{"allow": "not-a-list"}""")]
    [InlineData("""not json""")]
    public async Task Put_WhenTheBodyIsMalformed_Answers400(string json)
    {
        using var response = await _operator.PutAsync($"{AdminApi.Prefix}/endpoints/{Endpoint}",
            new StringContent(json, Encoding.UTF8, "application/json"));

        await response.ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Put_WhenTheEndpointIsUnknown_Answers404()
    {
        using var response = await _operator.PutAsJsonAsync($"{AdminApi.Prefix}/endpoints/NoSuchThing", new { percentage = 10 });

        await response.ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task DeleteAndRollback_WhenTheEndpointIsUnknown_Answer404()
    {
        using var delete = await _operator.DeleteAsync($"{AdminApi.Prefix}/endpoints/NoSuchThing");
        using var rollback = await _operator.PostAsync($"{AdminApi.Prefix}/endpoints/NoSuchThing/rollback", null);

        await delete.ProblemAsync(HttpStatusCode.NotFound);
        await rollback.ProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1001")]
    [InlineData("abc")]
    public async Task Audit_WhenTheLimitIsInvalid_Answers400(string limit)
    {
        using var response = await _operator.GetAsync($"{AdminApi.Prefix}/audit?limit={limit}");

        await response.ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Put_WhenTheAuditInsertFails_TheChangeIsNotApplied()
    {
        await _operator.PutEndpointAsync(Endpoint, new { percentage = 5 });
        await api.ExecuteAsync("""
            CREATE FUNCTION refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit down'; END $$;
            CREATE TRIGGER refuse_audit BEFORE INSERT ON rollout_audit FOR EACH ROW EXECUTE FUNCTION refuse_audit();
            """);
        try
        {
            using var response = await _operator.PutAsJsonAsync($"{AdminApi.Prefix}/endpoints/{Endpoint}", new { percentage = 95 });

            Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        }
        finally
        {
            await api.ExecuteAsync("DROP TRIGGER refuse_audit ON rollout_audit; DROP FUNCTION refuse_audit();");
        }

        Assert.Equal(5, (await _operator.GetEndpointAsync(Endpoint)).GetProperty("percentage").GetDouble());
        await using var connection = await api.DataSource.OpenConnectionAsync();
        var stored = await Dapper.SqlMapper.ExecuteScalarAsync<string>(connection,
            "SELECT settings->>'percentage' FROM rollout_overrides WHERE endpoint = 'ListCameras'");
        Assert.Equal("5", stored);
    }

    public void Dispose() => _operator.Dispose();
}
