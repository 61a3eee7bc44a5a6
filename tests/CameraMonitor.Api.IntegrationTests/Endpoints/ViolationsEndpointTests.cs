using System.Net;
using CameraMonitor.Api.IntegrationTests.Infrastructure;
using CameraMonitor.Api.IntegrationTests.Statistics;

namespace CameraMonitor.Api.IntegrationTests.Endpoints;

/// <summary>GET /api/v1/records/violations/{violation_id} (read-only: the data stays as seeded).</summary>
public sealed class ViolationsEndpointTests(StatisticsApiFixture api) : IClassFixture<StatisticsApiFixture>
{
    private const string Url = "/api/v1/records/violations/";

    [Theory]
    [InlineData(2, true)]
    [InlineData(2, false)]
    [InlineData(8, true)]
    [InlineData(8, false)]
    [InlineData(17, true)]
    [InlineData(17, false)]
    public async Task GetViolation_OnBothPaths_MatchesOneSnapshot(int id, bool forceDomain)
    {
        var body = await api.Client.GetOnPathAsync(Url + id, forceDomain);

        HttpAssertions.MatchSharedSnapshot(body, "violation_" + id);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task GetViolation_WhenUnknown_Answers404OnBothPaths(bool forceDomain)
    {
        using var response = await api.Client.GetAsync($"{Url}999?force_domain={forceDomain}");

        var problem = await response.ProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains("999", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(forceDomain ? "domain" : "legacy", response.ServedBy());
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("+1")]
    [InlineData("99999999999999999999")]
    public async Task GetViolation_WhenIdIsNotAPositiveNumber_Answers400NamingViolationId(string id)
    {
        using var response = await api.Client.GetAsync(Url + id);

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("violation_id", out _), problem.ToString());
    }
}
