using System.Diagnostics.Metrics;
using CameraMonitor.Application.Rollout.Evidence;
using Microsoft.Extensions.DependencyInjection;

namespace CameraMonitor.Application.UnitTests.Rollout.Evidence;

public sealed class RolloutMetricsTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly IMeterFactory _meters;
    private readonly RolloutMetrics _metrics;

    public RolloutMetricsTests()
    {
        _meters = _services.GetRequiredService<IMeterFactory>();
        _metrics = new RolloutMetrics(_meters, new EvidenceRecorder());
    }

    [Fact]
    public void Collect_WhenTheListenerAttachesAfterStartUp_StillSeesEveryEndpointsZeroSeries()
    {
        // Start-up initializes the series before any exporter may be listening (the order of hosted services).
        _metrics.InitializeSeries("ListCameras");

        var observed = Collect();

        foreach (var instrument in EventCounters)
        {
            Assert.Equal(0, observed[(instrument, "ListCameras")]);
        }
    }

    [Fact]
    public void Collect_CountsEachEndpointsEventsSinceStartUp()
    {
        _metrics.InitializeSeries("GetStatisticsSummary");
        _metrics.RecordFallback("ListCameras");
        _metrics.RecordFallback("ListCameras");
        _metrics.RecordParityCompared("ListCameras", matched: true);
        _metrics.RecordParityCompared("ListCameras", matched: false);
        _metrics.RecordParitySampled("ListCameras", skippedForBudget: true);
        _metrics.RecordParitySampled("ListCameras", skippedForBudget: false);
        _metrics.RecordDroppedSample("ListCameras");

        var observed = Collect();

        Assert.Equal(2, observed[("cameramonitor.rollout.fallbacks", "ListCameras")]);
        Assert.Equal(2, observed[("cameramonitor.rollout.parity.compared", "ListCameras")]);
        Assert.Equal(1, observed[("cameramonitor.rollout.parity.mismatches", "ListCameras")]);
        Assert.Equal(1, observed[("cameramonitor.rollout.parity.budget_skipped", "ListCameras")]);
        Assert.Equal(1, observed[("cameramonitor.rollout.parity.dropped", "ListCameras")]);
        Assert.Equal(0, observed[("cameramonitor.rollout.fallbacks", "GetStatisticsSummary")]);
    }

    public void Dispose()
    {
        _metrics.Dispose();
        _services.Dispose();
    }

    private static readonly string[] EventCounters =
    [
        "cameramonitor.rollout.fallbacks", "cameramonitor.rollout.parity.mismatches", "cameramonitor.rollout.parity.compared",
        "cameramonitor.rollout.parity.dropped", "cameramonitor.rollout.parity.budget_skipped",
    ];

    /// <summary>What one collection (a scrape) observes, by instrument and endpoint tag; this test's meter only.</summary>
    private Dictionary<(string Instrument, string Endpoint), long> Collect()
    {
        var observed = new Dictionary<(string, string), long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == RolloutMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, _meters))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "endpoint")
                {
                    observed[(instrument.Name, (string)tag.Value!)] = value;
                }
            }
        });
        listener.Start();
        listener.RecordObservableInstruments();
        return observed;
    }
}
