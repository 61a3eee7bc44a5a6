using BenchmarkDotNet.Attributes;
using CameraMonitor.Application.Rollout.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.FeatureManagement;
using Microsoft.FeatureManagement.FeatureFilters;

namespace CameraMonitor.Benchmarks;

/// <summary>
/// The routing decision alone, rule by rule, against the full evaluation of Microsoft.FeatureManagement's targeting
/// filter for the same key and flag (what the router did per request before it compiled the definitions). The sticky
/// percentage is measured twice: over 1,024 clients in rotation (their assignments remembered, as an API's returning
/// clients are) and over 65,536 (all but the first 4,096 hashed on every decision: what a client never seen costs).
/// </summary>
[MemoryDiagnoser]
public class RoutingDecisionBenchmarks
{
    private const string Endpoint = "GetStatisticsSummary";

    private static readonly string[] ClientKeys = Enumerable.Range(0, 1024).Select(i => $"client-{i}").ToArray();

    private ServiceProvider _services = null!;
    private IRolloutRouter _router = null!;
    private IFeatureManager _library = null!;
    private string _feature = null!;
    private RequestContext _forced = null!;
    private RequestContext _allowed = null!;
    private RequestContext _denied = null!;
    private RequestContext[] _percentage = null!;
    private TargetingContext[] _targeting = null!;
    private IRolloutRouter _killed = null!;
    private IRolloutRouter _fresh = null!;
    private RequestContext[] _manyClients = null!;
    private int _next;
    private int _nextOfMany;

    [GlobalSetup]
    public void Setup()
    {
        _services = Services(killSwitchOn: true);
        _router = _services.GetRequiredService<IRolloutRouter>();
        _library = _services.GetRequiredService<IFeatureManager>();
        _killed = Services(killSwitchOn: false).GetRequiredService<IRolloutRouter>();
        _fresh = Services(killSwitchOn: true).GetRequiredService<IRolloutRouter>();
        _manyClients = Enumerable.Range(0, 65_536).Select(i => new RequestContext { ClientKey = $"many-client-{i}" }).ToArray();
        _feature = FeatureNames.ForEndpoint(Endpoint);
        _forced = new RequestContext { ClientKey = ClientKeys[0], ForceDomain = true };
        _allowed = new RequestContext { ClientKey = "allowed-client" };
        _denied = new RequestContext { ClientKey = "denied-client" };
        _percentage = ClientKeys.Select(k => new RequestContext { ClientKey = k }).ToArray();
        _targeting = ClientKeys.Select(k => new TargetingContext { UserId = k }).ToArray();
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    [Benchmark(Baseline = true, Description = "FeatureManagement targeting filter (percentage)")]
    public Task<bool> LibraryTargetingFilter() => _library.IsEnabledAsync(_feature, _targeting[Next()]);

    [Benchmark(Description = "router: sticky percentage")]
    public Task<RoutingDecision> StickyPercentage() => _router.DecideAsync(Endpoint, _percentage[Next()]);

    [Benchmark(Description = "router: sticky percentage, keys not remembered")]
    public Task<RoutingDecision> StickyPercentageNewKeys() =>
        _fresh.DecideAsync(Endpoint, _manyClients[_nextOfMany = (_nextOfMany + 1) & (_manyClients.Length - 1)]);

    [Benchmark(Description = "router: force_domain")]
    public Task<RoutingDecision> ForceDomain() => _router.DecideAsync(Endpoint, _forced);

    [Benchmark(Description = "router: allow list")]
    public Task<RoutingDecision> AllowList() => _router.DecideAsync(Endpoint, _allowed);

    [Benchmark(Description = "router: deny list")]
    public Task<RoutingDecision> DenyList() => _router.DecideAsync(Endpoint, _denied);

    [Benchmark(Description = "router: kill switch off")]
    public Task<RoutingDecision> KillSwitch() => _killed.DecideAsync(Endpoint, _percentage[Next()]);

    private int Next() => _next = (_next + 1) & (ClientKeys.Length - 1);

    private static ServiceProvider Services(bool killSwitchOn)
    {
        var configuration = BenchmarkHost.Configuration(new Dictionary<string, string?>
        {
            [ConfiguredRolloutState.KillSwitchKey] = killSwitchOn ? "true" : "false",
            [$"Rollout:Endpoints:{Endpoint}:Percentage"] = "50",
            [$"Rollout:Endpoints:{Endpoint}:Allow:0"] = "allowed-client",
            [$"Rollout:Endpoints:{Endpoint}:Deny:0"] = "denied-client",
        });
        return BenchmarkHost.Pipeline(configuration);
    }
}
