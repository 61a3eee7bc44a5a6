using System.Diagnostics;
using CameraMonitor.Application;
using CameraMonitor.Application.Rollout.Evidence;
using CameraMonitor.Application.Rollout.Routing;
using CameraMonitor.Application.Statistics.Summary;
using CameraMonitor.Infrastructure;
using MediatR;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace CameraMonitor.Benchmarks;

/// <summary>
/// The service containers the benchmarks send through: the application's and infrastructure's own registrations (every
/// behavior, the layered rollout state, evidence, metrics) with the summary's two handlers swapped for ones that do no
/// I/O, so only the pipeline's overhead is left; and a bare container with MediatR, the same handler and the two
/// per-request objects the API's middleware resolves for every route (request context, served-by).
/// </summary>
public static class BenchmarkHost
{
    /// <summary>Stands in for ASP.NET Core's server span, which every API request runs in.</summary>
    public static readonly ActivitySource RequestSpans = new("CameraMonitor.Benchmarks.Request");

    public const string RequestSpanName = "GET /api/v1/records/statistics/summary";

    /// <summary>Never opened: nothing on the measured path touches the database.</summary>
    private const string UnusedConnectionString = "Host=127.0.0.1;Port=1;Database=unused;Username=unused";

    public static ServiceProvider Pipeline(IConfiguration configuration)
    {
        var services = new ServiceCollection()
            .AddSingleton(configuration)
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Information))
            .AddSingleton(TimeProvider.System);
        services.AddApplication(configuration);
        services.AddInfrastructure(configuration);
        services.Replace(ServiceDescriptor.Scoped<IRequestHandler<GetStatisticsSummaryQuery, StatisticsSummaryResponse>, NoIoSummaryHandler>());
        services.Replace(ServiceDescriptor.Scoped<ILegacyHandler<GetStatisticsSummaryQuery, StatisticsSummaryResponse>, NoIoSummaryLegacyHandler>());
        // Metrics and spans are listened to as in production (the API's OpenTelemetry set-up, without exporters).
        services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics.AddMeter(RolloutMetrics.MeterName))
            .WithTracing(tracing => tracing.AddSource(RolloutTracing.SourceName, RequestSpans.Name));
        var provider = services.BuildServiceProvider();
        _ = provider.GetRequiredService<MeterProvider>();
        _ = provider.GetRequiredService<TracerProvider>();
        return provider;
    }

    public static ServiceProvider Bare()
    {
        var services = new ServiceCollection();
        // The mediator resolves handlers and behaviors from the request's scope; one scoped service, not two.
        services.AddScoped<IMediator>(provider => new Mediator(provider.GetService!));
        services.AddScoped<RequestContext>();
        services.AddScoped<ServedBy>();
        services.AddScoped<IRequestHandler<GetStatisticsSummaryQuery, StatisticsSummaryResponse>, NoIoSummaryHandler>();
        return services.BuildServiceProvider();
    }

    public static IConfiguration Configuration(IDictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:" + Infrastructure.Persistence.PersistenceOptions.ConnectionStringName] = UnusedConnectionString,
        }.Concat(settings)).Build();
}
