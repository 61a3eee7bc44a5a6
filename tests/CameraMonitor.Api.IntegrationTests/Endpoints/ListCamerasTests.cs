using System.Net;
using CameraMonitor.Api.IntegrationTests.Infrastructure;
using CameraMonitor.Domain.Cameras;
using Microsoft.Extensions.DependencyInjection;
using NSubstitute;
using NSubstitute.ExceptionExtensions;

namespace CameraMonitor.Api.IntegrationTests.Endpoints;

public sealed class ListCamerasTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private const string Url = "/api/v1/cameras";

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ListCameras_OnBothPaths_MatchesOneSnapshot(bool forceDomain)
    {
        var body = await api.Client.GetOnPathAsync(Url, forceDomain);

        HttpAssertions.MatchSharedSnapshot(body, "all");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ListCameras_FilteredByStatusAndEnabled_OnBothPaths_MatchesOneSnapshot(bool forceDomain)
    {
        var body = await api.Client.GetOnPathAsync(Url + "?status=online&enabled=true", forceDomain);

        HttpAssertions.MatchSharedSnapshot(body, "online_enabled");
    }

    [Fact]
    public async Task ListCameras_WhenStatusIsUnknownWord_Answers400NamingTheField()
    {
        using var response = await api.Client.GetAsync(Url + "?status=broken");

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("status", out _));
    }

    [Fact]
    public async Task ListCameras_WhenEnabledIsNotABoolean_Answers400()
    {
        using var response = await api.Client.GetAsync(Url + "?enabled=perhaps");

        await response.ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task ListCameras_WhenForceDomainIsNotABoolean_Answers400NamingTheField()
    {
        using var response = await api.Client.GetAsync(Url + "?force_domain=maybe");

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("force_domain", out _));
    }

    [Fact]
    public async Task ListCameras_WithoutForceDomain_FollowsThePercentageAndSaysWhichPathServed()
    {
        using var factory = api.WithServices(_ => { }).WithWebHostBuilder(b =>
            b.UseSetting("Rollout:Endpoints:ListCameras:Percentage", "100"));
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(Url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("domain", response.ServedBy());
    }

    [Fact]
    public async Task ListCameras_WhenTheKillSwitchIsOff_ServesLegacyEvenWhenForced()
    {
        using var factory = api.WithServices(_ => { }).WithWebHostBuilder(b =>
            b.UseSetting("FeatureManagement:UseDomainService", "false"));
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(Url + "?force_domain=true");

        Assert.Equal("legacy", response.ServedBy());
    }

    [Fact]
    public async Task ListCameras_WhenTheDomainRepositoryFails_FallsBackToLegacyWithTheSameBody()
    {
        var broken = Substitute.For<ICameraRepository>();
        broken.ListAsync(Arg.Any<CancellationToken>()).ThrowsAsync(new InvalidOperationException("repository down"));
        using var factory = api.WithServices(services => services.AddScoped(_ => broken));
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(Url + "?force_domain=true");
        var legacyBody = await api.Client.GetOnPathAsync(Url, forceDomain: false);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("legacy-fallback", response.ServedBy());
        Assert.Equal(legacyBody, await response.Content.ReadAsStringAsync());
    }
}
