namespace CameraMonitor.Api.IntegrationTests.Telemetry;

/// <summary>
/// Tests that assert what /metrics exports run alone, after the parallel classes. OpenTelemetry's meter providers pick
/// meters by name, and every test host in the process creates the same ones; in one CI run (2026-12-02) a scrape lacked
/// every cameramonitor_ series while the hosts of other classes were being started and disposed, and the same tests pass
/// alone. A single service process has one host, so this is the test process's concern, not the service's.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ScrapeCollection
{
    public const string Name = "Scrapes of /metrics";
}
