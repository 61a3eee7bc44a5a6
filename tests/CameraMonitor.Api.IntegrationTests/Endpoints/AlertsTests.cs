using System.Net;
using CameraMonitor.Api.IntegrationTests.Infrastructure;
using CameraMonitor.Domain.Alerts;
using Microsoft.Extensions.DependencyInjection;
using NSubstitute;
using NSubstitute.ExceptionExtensions;

namespace CameraMonitor.Api.IntegrationTests.Endpoints;

public sealed class AlertsTests(AlertsFixture api) : IClassFixture<AlertsFixture>
{
    private const string HistoryUrl = "/api/v1/alerts/history-db";
    private const string RulesUrl = "/api/v1/alerts/rules";

    [Theory]
    [InlineData(true, "", "all")]
    [InlineData(false, "", "all")]
    [InlineData(true, "?camera_id=cam0&severity=critical", "cam0_critical")]
    [InlineData(false, "?camera_id=cam0&severity=critical", "cam0_critical")]
    [InlineData(true, "?since=2026-11-20T00:00:00Z&limit=2", "since_limit")]
    [InlineData(false, "?since=2026-11-20T00:00:00Z&limit=2", "since_limit")]
    [InlineData(true, "?alert_type=camera_offline", "offline_type")]
    [InlineData(false, "?alert_type=camera_offline", "offline_type")]
    public async Task ListAlertHistory_OnBothPaths_MatchesOneSnapshot(bool forceDomain, string query, string snapshot)
    {
        var body = await api.Client.GetOnPathAsync(HistoryUrl + query, forceDomain);

        HttpAssertions.MatchSharedSnapshot(body, snapshot);
    }

    [Theory]
    [InlineData("?severity=urgent", "severity")]
    [InlineData("?limit=0", "limit")]
    [InlineData("?limit=1001", "limit")]
    [InlineData("?camera_id=Cam%200", "camera_id")]
    [InlineData("?alert_type=%20", "alert_type")]
    [InlineData("?alert_type=a%00b", "alert_type")]
    public async Task ListAlertHistory_WhenAParameterIsInvalid_Answers400NamingTheField(string query, string field)
    {
        using var response = await api.Client.GetAsync(HistoryUrl + query);

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Theory]
    [InlineData("?since=last-week")]
    [InlineData("?limit=ten")]
    public async Task ListAlertHistory_WhenAParameterIsMalformed_Answers400(string query)
    {
        using var response = await api.Client.GetAsync(HistoryUrl + query);

        await response.ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData(true, "", "all")]
    [InlineData(false, "", "all")]
    [InlineData(true, "?enabled=true", "enabled")]
    [InlineData(false, "?enabled=true", "enabled")]
    [InlineData(true, "?enabled=false", "disabled")]
    [InlineData(false, "?enabled=false", "disabled")]
    public async Task ListAlertRules_OnBothPaths_MatchesOneSnapshot(bool forceDomain, string query, string snapshot)
    {
        var body = await api.Client.GetOnPathAsync(RulesUrl + query, forceDomain);

        HttpAssertions.MatchSharedSnapshot(body, snapshot);
    }

    [Fact]
    public async Task ListAlertRules_WhenEnabledIsNotABoolean_Answers400()
    {
        using var response = await api.Client.GetAsync(RulesUrl + "?enabled=sometimes");

        await response.ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task ListAlertHistory_WhenTheDomainRepositoryFails_FallsBackToLegacyWithTheSameBody()
    {
        var broken = Substitute.For<IAlertRepository>();
        broken.ListAsync(Arg.Any<AlertFilter>(), Arg.Any<CancellationToken>()).ThrowsAsync(new InvalidOperationException("down"));
        using var factory = api.WithServices(services => services.AddScoped(_ => broken));
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(HistoryUrl + "?force_domain=true");
        var legacyBody = await api.Client.GetOnPathAsync(HistoryUrl, forceDomain: false);

        Assert.Equal("legacy-fallback", response.ServedBy());
        Assert.Equal(legacyBody, await response.Content.ReadAsStringAsync());
    }
}
