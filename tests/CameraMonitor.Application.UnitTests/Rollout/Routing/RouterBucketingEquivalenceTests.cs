using CameraMonitor.Application.Rollout.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.FeatureManagement;
using Microsoft.FeatureManagement.FeatureFilters;

namespace CameraMonitor.Application.UnitTests.Rollout.Routing;

/// <summary>
/// The compiled router must assign every client exactly as Microsoft.FeatureManagement's targeting filter does, so that
/// replacing the per-request filter evaluation moves nobody between paths.
/// </summary>
public sealed class RouterBucketingEquivalenceTests
{
    private const int KeyCount = 100_000;

    public static TheoryData<string, string, string> Configurations() => new()
    {
        { "5", "25", "50" },
        { "10", "33.5", "99" },
        { "1", "75", "100" },
    };

    [Theory]
    [MemberData(nameof(Configurations))]
    public async Task Decide_For100000Keys_AssignsEveryKeyAsTheTargetingFilterDoes(string first, string second, string third)
    {
        var endpoints = new Dictionary<string, string> { ["ListCameras"] = first, ["GetViolation"] = second, ["IngestDetectionRecords"] = third };
        var settings = endpoints.ToDictionary(e => $"Rollout:Endpoints:{e.Key}:Percentage", e => (string?)e.Value);
        settings["Rollout:Endpoints:ListCameras:Allow:0"] = "allowed-client";
        settings["Rollout:Endpoints:ListCameras:Deny:0"] = "denied-client";
        var provider = Services(settings);
        var router = provider.GetRequiredService<IRolloutRouter>();
        var library = provider.GetRequiredService<IFeatureManager>();

        var disagreements = new List<string>();
        foreach (var endpoint in endpoints.Keys)
        {
            var feature = FeatureNames.ForEndpoint(endpoint);
            foreach (var key in Keys())
            {
                var expected = await library.IsEnabledAsync(feature, new TargetingContext { UserId = key });
                var actual = (await router.DecideAsync(endpoint, new RequestContext { ClientKey = key })).UseDomain;
                // Asked again: the remembered assignment for the first CompiledEndpointRouting.RememberedKeys keys.
                var again = (await router.DecideAsync(endpoint, new RequestContext { ClientKey = key })).UseDomain;
                if (expected != actual || expected != again)
                {
                    disagreements.Add($"{endpoint}: '{key}' library={expected} compiled={actual} again={again}");
                }
            }
        }

        Assert.Empty(disagreements.Take(20));
    }

    [Fact]
    public void Decide_RemembersAssignmentsOfABoundedNumberOfKeys()
    {
        var routing = new CompiledEndpointRouting(FeatureNames.ForEndpoint("ListCameras"),
            new TargetingFilterSettings { Audience = new Audience { DefaultRolloutPercentage = 50 } });

        var decisions = Enumerable.Range(0, 3 * CompiledEndpointRouting.RememberedKeys)
            .Select(i => routing.Decide($"client-{i}").Result.UseDomain).ToList();

        Assert.Equal(CompiledEndpointRouting.RememberedKeys, routing.Remembered);
        Assert.Equal(decisions, Enumerable.Range(0, decisions.Count).Select(i => routing.IsInPercentage($"client-{i}")));
        Assert.InRange(decisions.Count(d => d), decisions.Count * 0.45, decisions.Count * 0.55);
    }

    [Fact]
    public async Task Decide_WhenTheStateVersionMoves_RecompilesTheEndpoint()
    {
        IConfigurationRoot configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Rollout:Endpoints:ListCameras:Percentage"] = "0" })
            .Build();
        var provider = RouterHarness.Services(configuration);
        var router = provider.GetRequiredService<IRolloutRouter>();
        Assert.False((await router.DecideAsync("ListCameras", new RequestContext { ClientKey = "a" })).UseDomain);

        configuration["Rollout:Endpoints:ListCameras:Percentage"] = "100";
        configuration.Reload(); // the options monitor moves the state's version

        Assert.True((await router.DecideAsync("ListCameras", new RequestContext { ClientKey = "a" })).UseDomain);
    }

    [Theory]
    [InlineData("allowed-client", true, RoutingDecision.AllowList)]
    [InlineData("denied-client", false, RoutingDecision.DenyList)]
    public async Task Decide_WhenTheKeyIsListed_NamesTheListAsTheReason(string key, bool domain, string reason)
    {
        var router = Services(new Dictionary<string, string?>
        {
            ["Rollout:Endpoints:ListCameras:Percentage"] = "50",
            ["Rollout:Endpoints:ListCameras:Allow:0"] = "allowed-client",
            ["Rollout:Endpoints:ListCameras:Deny:0"] = "denied-client",
        }).GetRequiredService<IRolloutRouter>();

        var decision = await router.DecideAsync("ListCameras", new RequestContext { ClientKey = key });

        Assert.Equal(new RoutingDecision(domain, reason), decision);
        Assert.True(decision.IsSteered);
    }

    private static IEnumerable<string> Keys()
    {
        yield return string.Empty;
        yield return "allowed-client";
        yield return "denied-client";
        yield return "Allowed-Client";
        yield return "::1";
        yield return "2001:db8::7";
        yield return "caméra-客户端-🙂";
        yield return new string('k', 700); // longer than the stack buffer
        for (var i = 0; i < KeyCount; i++)
        {
            yield return i % 3 == 0 ? $"10.{i / 65536 % 256}.{i / 256 % 256}.{i % 256}" : $"client-{i}";
        }
    }

    private static ServiceProvider Services(IDictionary<string, string?> settings) =>
        RouterHarness.Services(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
}
