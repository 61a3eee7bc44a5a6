using System.Text.Json;
using CameraMonitor.Api.Errors;
using CameraMonitor.Api.Health;
using CameraMonitor.Api.OpenApi;
using CameraMonitor.Application.Common.DarkLaunch;
using CameraMonitor.Application.Common.Telemetry;
using Microsoft.AspNetCore.Http.Json;
using OpenTelemetry.Metrics;

namespace CameraMonitor.Api;

public static class DependencyInjection
{
    public const string ReadyTag = "ready";

    public static IServiceCollection AddApi(this IServiceCollection services)
    {
        services.Configure<JsonOptions>(options =>
        {
            options.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        });
        // Binding failures (e.g. limit=abc) throw, so the one exception handler answers them as problem details.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        services.AddOpenApi(options => options.AddOperationTransformer<RolloutParametersTransformer>());
        services.AddHealthChecks().AddCheck<PostgresHealthCheck>("postgres", tags: [ReadyTag]);
        services.AddSingleton(TimeProvider.System);

        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(RolloutMetrics.MeterName)
            .AddMeter(DarkLaunchMetrics.MeterName)
            .AddAspNetCoreInstrumentation()
            .AddRuntimeInstrumentation()
            .AddPrometheusExporter());
        return services;
    }
}
