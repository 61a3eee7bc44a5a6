using CameraMonitor.Application.Rollout.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CameraMonitor.Application.UnitTests.Rollout.Routing;

public sealed class RolloutPrecedenceTests
{
    public static TheoryData<double?, double?, double?, double, string> Table() => new()
    {
        // ROLLOUT_PERCENT, appsettings per endpoint, run-time override → effective, source
        { null, null, null, 0, RolloutSources.Default },
        { 30, null, null, 30, RolloutSources.Env },
        { 30, 60, null, 60, RolloutSources.AppSettings },
        { null, 60, null, 60, RolloutSources.AppSettings },
        { 30, 60, 90, 90, RolloutSources.Override },
        { 30, 60, 0, 0, RolloutSources.Override },
        { null, null, 100, 100, RolloutSources.Override },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Percentage_FollowsOverrideThenAppsettingsThenEnvThenZero(double? env, double? endpoint, double? runtime,
        double expected, string source)
    {
        var configured = Configured(env, endpoint);
        var baseline = configured.Get("ListCameras");

        var effective = runtime is null ? baseline : new RolloutOverride(Percentage: runtime).ApplyTo(baseline);

        Assert.Equal(expected, effective.Percentage);
        Assert.Equal(source, effective.PercentageSource);
        Assert.Equal(source, effective.Sources![RolloutFieldNames.Percentage]);
    }

    [Fact]
    public void Override_ReplacesOnlyTheValuesItSets()
    {
        var baseline = Configured(null, 40).Get("ListCameras");

        var effective = new RolloutOverride(Deny: ["blocked"], ParitySampleRate: 5).ApplyTo(baseline);

        Assert.Equal(40, effective.Percentage);
        Assert.Equal(RolloutSources.AppSettings, effective.Sources![RolloutFieldNames.Percentage]);
        Assert.Equal(["blocked"], effective.Deny);
        Assert.Equal(RolloutSources.Override, effective.Sources[RolloutFieldNames.Deny]);
        Assert.Equal(5, effective.ParitySampleRate);
        Assert.Equal(RolloutSources.Default, effective.Sources[RolloutFieldNames.Allow]);
    }

    [Fact]
    public void With_MergesAPartialUpdateIntoTheStoredOverride()
    {
        var stored = new RolloutOverride(Percentage: 10, Allow: ["a"]);

        var merged = stored.With(new RolloutOverride(Percentage: 50));

        Assert.Equal(50, merged.Percentage);
        Assert.Equal(["a"], merged.Allow);
    }

    [Theory]
    [InlineData("false", 100, false)]
    [InlineData("true", 100, true)]
    public async Task KillSwitch_WinsOverEveryPercentage(string killSwitch, double percentage, bool domain)
    {
        var router = RouterHarness.Create(new Dictionary<string, string?>
        {
            [ConfiguredRolloutState.KillSwitchKey] = killSwitch,
            ["Rollout:Endpoints:ListCameras:Percentage"] = percentage.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

        Assert.Equal(domain, await router.UsesDomain("client-1"));
        Assert.Equal(domain, await router.UsesDomain("client-1", forceDomain: true));
    }

    private static ConfiguredRolloutState Configured(double? env, double? endpoint)
    {
        var settings = new Dictionary<string, string?>();
        if (env is { } e)
        {
            settings["Rollout:DefaultPercentage"] = e.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (endpoint is { } p)
        {
            settings["Rollout:Endpoints:ListCameras:Percentage"] = p.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddOptions()
            .Configure<RolloutOptions>(configuration.GetSection(RolloutOptions.SectionName))
            .AddSingleton<IEndpointCatalog, EndpointCatalog>()
            .AddSingleton<ConfiguredRolloutState>()
            .BuildServiceProvider()
            .GetRequiredService<ConfiguredRolloutState>();
    }
}
