using System.Reflection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace CameraMonitor.Api.Telemetry;

/// <summary>
/// How the service identifies itself to a telemetry backend and how its latencies are bucketed: the default
/// histogram boundaries (0, 5, 10, 25 … ms) cannot tell a 0.2 ms answer from a 4 ms one.
/// </summary>
public static class TelemetryConventions
{
    public const string ServiceName = "cameramonitor";

    /// <summary>Latency bucket boundaries in milliseconds: 0.1 ms to 10 s, about three per decade.</summary>
    public static readonly double[] MillisecondBoundaries =
        [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000];

    /// <summary>The same boundaries in seconds, for the instruments that measure in seconds (http.server.request.duration).</summary>
    public static readonly double[] SecondBoundaries = [.. MillisecondBoundaries.Select(ms => ms / 1000)];

    public static string ServiceVersion { get; } =
        typeof(TelemetryConventions).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(TelemetryConventions).Assembly.GetName().Version?.ToString() ?? "0.0.0";

    /// <summary>service.name, service.version and a service.instance.id per process (host name and process id).</summary>
    public static ResourceBuilder Describe(this ResourceBuilder resource) => resource.AddService(ServiceName,
        serviceVersion: ServiceVersion, serviceInstanceId: $"{Environment.MachineName}-{Environment.ProcessId}");

    /// <summary>Explicit boundaries for every latency histogram the service exports.</summary>
    public static MeterProviderBuilder WithLatencyBuckets(this MeterProviderBuilder metrics) => metrics
        .AddView("cameramonitor.rollout.duration", new ExplicitBucketHistogramConfiguration { Boundaries = MillisecondBoundaries })
        .AddView("http.server.request.duration", new ExplicitBucketHistogramConfiguration { Boundaries = SecondBoundaries })
        .AddView("db.client.operation.duration", new ExplicitBucketHistogramConfiguration { Boundaries = SecondBoundaries });
}
