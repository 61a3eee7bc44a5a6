using CameraMonitor.Application.Rollout.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CameraMonitor.Application.UnitTests.Rollout.Routing;

public sealed class RolloutRouterTests
{
    private static readonly string[] Keys = Enumerable.Range(0, 10_000)
        .Select(i => $"client-{i}-{(i * 7919) % 10007}")
        .ToArray();

    [Fact]
    public async Task Decide_WhenKillSwitchIsOff_GoesLegacyEvenWithForceDomainAnd100Percent()
    {
        var router = RouterHarness.Create(new Dictionary<string, string?>
        {
            ["FeatureManagement:UseDomainService"] = "false",
            ["Rollout:DefaultPercentage"] = "100",
        });

        var decision = await router.DecideAsync("ListCameras", new RequestContext { ClientKey = "a", ForceDomain = true });

        Assert.Equal(new RoutingDecision(false, "kill_switch"), decision);
    }

    [Fact]
    public async Task Decide_WhenTheConfigurationReloadsWithTheKillSwitchOff_GoesLegacyFromThen()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Rollout:DefaultPercentage"] = "100" })
            .Build();
        var router = RouterHarness.Services(configuration).GetRequiredService<IRolloutRouter>();
        Assert.True(await router.UsesDomain("a"));

        configuration["FeatureManagement:UseDomainService"] = "false";
        configuration.Reload();

        Assert.Equal(new RoutingDecision(false, "kill_switch"),
            await router.DecideAsync("ListCameras", new RequestContext { ClientKey = "a" }));
    }

    [Fact]
    public async Task Decide_WhenKillSwitchIsAbsent_TreatsItAsOn()
    {
        var router = RouterHarness.WithPercentage(100);
        Assert.True(await router.UsesDomain("a"));
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(100, false)]
    public async Task Decide_WhenForceDomainIsGiven_WinsOverThePercentage(double percentage, bool force)
    {
        var router = RouterHarness.WithPercentage(percentage);

        var decision = await router.DecideAsync("ListCameras", new RequestContext { ClientKey = "a", ForceDomain = force });

        Assert.Equal(new RoutingDecision(force, "force_domain"), decision);
    }

    [Fact]
    public async Task Decide_At0Percent_SendsEveryKeyToLegacy()
    {
        var router = RouterHarness.WithPercentage(0);
        Assert.Equal(0, await CountDomain(router, Keys.Take(2000)));
    }

    [Fact]
    public async Task Decide_At100Percent_SendsEveryKeyToDomain()
    {
        var router = RouterHarness.WithPercentage(100);
        Assert.Equal(2000, await CountDomain(router, Keys.Take(2000)));
    }

    [Fact]
    public async Task Decide_WithNothingConfigured_DefaultsTo0Percent()
    {
        var router = RouterHarness.Create(new Dictionary<string, string?>());
        Assert.Equal(0, await CountDomain(router, Keys.Take(500)));
    }

    [Fact]
    public async Task Decide_WithDefaultPercentageOnly_AppliesItToEveryEndpoint()
    {
        var router = RouterHarness.Create(new Dictionary<string, string?> { ["Rollout:DefaultPercentage"] = "100" });
        Assert.True(await router.UsesDomain("a", "AnyEndpoint"));
    }

    [Fact]
    public async Task Decide_At30Percent_SendsAbout30PercentOf10000KeysToDomain()
    {
        var router = RouterHarness.WithPercentage(30);

        var share = await CountDomain(router, Keys) / (double)Keys.Length * 100;

        Assert.InRange(share, 27, 33);
    }

    [Fact]
    public async Task Decide_WhenRaisedFrom10To25Percent_KeepsEveryDomainKeyOnDomain()
    {
        var at10 = RouterHarness.WithPercentage(10);
        var at25 = RouterHarness.WithPercentage(25);

        var onDomainAt10 = await DomainKeys(at10, Keys);
        var onDomainAt25 = await DomainKeys(at25, Keys);

        Assert.NotEmpty(onDomainAt10);
        Assert.Subset(onDomainAt25, onDomainAt10);
        Assert.True(onDomainAt25.Count > onDomainAt10.Count);
    }

    [Fact]
    public async Task Decide_ForTheSameKeyAndEndpoint_AnswersTheSameEveryTime()
    {
        var router = RouterHarness.WithPercentage(50);
        foreach (var key in Keys.Take(200))
        {
            var first = await router.UsesDomain(key);
            for (var i = 0; i < 5; i++)
            {
                Assert.Equal(first, await router.UsesDomain(key));
            }
        }
    }

    [Fact]
    public async Task Decide_ForDifferentEndpoints_BucketsKeysIndependently()
    {
        var router = RouterHarness.Create(new Dictionary<string, string?>
        {
            ["Rollout:Endpoints:ListCameras:Percentage"] = "50",
            ["Rollout:Endpoints:GetViolation:Percentage"] = "50",
        });

        var cameras = await DomainKeys(router, Keys, "ListCameras");
        var violations = await DomainKeys(router, Keys, "GetViolation");
        var both = cameras.Intersect(violations).Count() / (double)Keys.Length * 100;

        // Independent buckets overlap on about half of half (25 %); shared buckets would overlap on 50 %.
        Assert.InRange(both, 21, 29);
    }

    [Fact]
    public async Task Decide_WhenKeyIsOnTheAllowList_GoesDomainAt0Percent()
    {
        var router = RouterHarness.Create(new Dictionary<string, string?>
        {
            ["Rollout:Endpoints:ListCameras:Percentage"] = "0",
            ["Rollout:Endpoints:ListCameras:Allow:0"] = "dashboard-7",
        });

        Assert.True(await router.UsesDomain("dashboard-7"));
        Assert.False(await router.UsesDomain("dashboard-8"));
    }

    [Fact]
    public async Task Decide_WhenKeyIsOnTheDenyList_GoesLegacyAt100Percent()
    {
        var router = RouterHarness.Create(new Dictionary<string, string?>
        {
            ["Rollout:Endpoints:ListCameras:Percentage"] = "100",
            ["Rollout:Endpoints:ListCameras:Deny:0"] = "old-detector",
        });

        Assert.False(await router.UsesDomain("old-detector"));
        Assert.True(await router.UsesDomain("new-detector"));
    }

    private static async Task<int> CountDomain(IRolloutRouter router, IEnumerable<string> keys) =>
        (await DomainKeys(router, keys)).Count;

    private static async Task<HashSet<string>> DomainKeys(IRolloutRouter router, IEnumerable<string> keys,
        string endpoint = "ListCameras")
    {
        var result = new HashSet<string>();
        foreach (var key in keys)
        {
            if (await router.UsesDomain(key, endpoint))
            {
                result.Add(key);
            }
        }

        return result;
    }
}
