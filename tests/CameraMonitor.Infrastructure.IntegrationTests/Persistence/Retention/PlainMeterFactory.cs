using System.Diagnostics.Metrics;

namespace CameraMonitor.Infrastructure.IntegrationTests.Persistence.Retention;

/// <summary>Meters without a host's metrics pipeline, for constructing <c>RetentionMetrics</c> in tests.</summary>
internal sealed class PlainMeterFactory : IMeterFactory
{
    public Meter Create(MeterOptions options) => new(options);

    public void Dispose()
    {
    }
}
