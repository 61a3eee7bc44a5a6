using System.Diagnostics.Metrics;
using CameraMonitor.Application.Rollout.Evidence;
using CameraMonitor.Application.Rollout.Plans;
using CameraMonitor.Application.Rollout.Routing;

namespace CameraMonitor.Api.Telemetry;

/// <summary>
/// What a rollout dashboard needs besides the event counters: every endpoint × path series present from start-up
/// (at 0), a gauge of each endpoint's effective percentage, and a state set of its latest plan (1 for the state it is
/// in, 0 for the others; "none" when it never had one). Plan states live in PostgreSQL, so they are read every
/// <see cref="PlanRefreshInterval"/> rather than inside the scrape.
/// </summary>
public sealed class RolloutTelemetry : BackgroundService
{
    public const string PercentageGauge = "cameramonitor.rollout.percentage";
    public const string PlanStateGauge = "cameramonitor.rollout.plan.state";
    public const string NoPlan = "none";
    public static readonly TimeSpan PlanRefreshInterval = TimeSpan.FromSeconds(15);

    private static readonly string[] PlanStates =
        [NoPlan, RolloutPlanStates.Active, RolloutPlanStates.Completed, RolloutPlanStates.RolledBack, RolloutPlanStates.Cancelled];

    private readonly RolloutMetrics _metrics;
    private readonly IEndpointCatalog _catalog;
    private readonly IRolloutPlanStore _plans;
    private readonly ILogger<RolloutTelemetry> _logger;
    private volatile IReadOnlyDictionary<string, string> _planStates = new Dictionary<string, string>(StringComparer.Ordinal);

    public RolloutTelemetry(RolloutMetrics metrics, IEndpointCatalog catalog, IRolloutState state, IRolloutPlanStore plans,
        IMeterFactory meterFactory, ILogger<RolloutTelemetry> logger)
    {
        _metrics = metrics;
        _catalog = catalog;
        _plans = plans;
        _logger = logger;
        var meter = meterFactory.Create(RolloutMetrics.MeterName);
        meter.CreateObservableGauge(PercentageGauge,
            () => state.All().Select(e => new Measurement<double>(e.Percentage, new KeyValuePair<string, object?>("endpoint", e.Endpoint))),
            description: "Effective percentage (0-100) of each endpoint's traffic routed to the domain implementation.");
        meter.CreateObservableGauge(PlanStateGauge, ObservePlanStates,
            description: "1 for the state of each endpoint's latest rollout plan (none, active, completed, rolled_back, cancelled), else 0.");
    }

    /// <summary>
    /// Creates every endpoint's series before the host reports itself started, so that a scrape right after start-up sees
    /// them all: <see cref="ExecuteAsync"/> may still be starting on a thread of its own when the first request arrives.
    /// </summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var endpoint in _catalog.Endpoints)
        {
            _metrics.InitializeSeries(endpoint);
        }

        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(PlanRefreshInterval);
        do
        {
            await RefreshPlanStatesAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task RefreshPlanStatesAsync(CancellationToken stoppingToken)
    {
        try
        {
            var latest = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var plan in await _plans.ListAsync(1000, stoppingToken))
            {
                latest.TryAdd(plan.Endpoint, plan.State); // newest first: the first one seen is the latest
            }

            _planStates = latest;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            _logger.LogWarning(exception, "Reading the rollout plan states for the metrics failed; retrying in {Interval}", PlanRefreshInterval);
        }
    }

    private IEnumerable<Measurement<int>> ObservePlanStates()
    {
        var states = _planStates;
        foreach (var endpoint in _catalog.Endpoints)
        {
            var current = states.GetValueOrDefault(endpoint, NoPlan);
            foreach (var planState in PlanStates)
            {
                yield return new Measurement<int>(planState == current ? 1 : 0,
                    new KeyValuePair<string, object?>("endpoint", endpoint), new KeyValuePair<string, object?>("state", planState));
            }
        }
    }
}
