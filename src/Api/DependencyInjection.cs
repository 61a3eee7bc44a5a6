using System.Text.Json;
using System.Text.Json.Serialization;
using CameraMonitor.Api.Errors;
using CameraMonitor.Api.Health;
using CameraMonitor.Api.OpenApi;
using CameraMonitor.Api.Security;
using CameraMonitor.Api.Telemetry;
using CameraMonitor.Application.Common.Idempotency;
using CameraMonitor.Application.Rollout.DarkLaunch;
using CameraMonitor.Application.Rollout.Evidence;
using CameraMonitor.Application.Statistics.Snapshots;
using CameraMonitor.Infrastructure.Persistence.Retention;
using Microsoft.AspNetCore.Http.Json;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace CameraMonitor.Api;

public static class DependencyInjection
{
    public const string ReadyTag = "ready";

    public static IServiceCollection AddApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<JsonOptions>(options =>
        {
            options.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            // A misspelt member ({"stauts": …}) is a 400 naming it, never a silent no-op (docs/failure-behaviour.md).
            options.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
            // Numbers are JSON numbers: the web defaults also read "3" as 3, which made the document type every number
            // as number-or-string and generated clients unusable (docs/observability.md, "HTTP behaviour").
            options.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
        });
        // Binding failures (e.g. limit=abc) throw, so the one exception handler answers them as problem details.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        services.AddOpenApi(options => options
            .AddOperationTransformer<RolloutParametersTransformer>()
            .AddDocumentTransformer<SecuritySchemesTransformer>()
            .AddOperationTransformer<SecuritySchemesTransformer>()
            .AddOperationTransformer<ContractOperationTransformer>()
            .AddSchemaTransformer<ContractSchemaTransformer>()
            .AddDocumentTransformer<ContractDocumentTransformer>());
        // JSON lists (cameras, records, events) shrink several-fold; the default MIME types include application/json.
        services.AddResponseCompression(options => options.EnableForHttps = true);
        services.AddHealthChecks().AddCheck<PostgresHealthCheck>("postgres", tags: [ReadyTag]);
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddScoped<IIdempotencyOwner, HttpIdempotencyOwner>();
        services.AddSingleton<OperatorConsole.ConsoleAssets>();

        var telemetry = services.AddOpenTelemetry().ConfigureResource(resource => resource.Describe());
        telemetry.WithMetrics(metrics => metrics
            .AddMeter(RolloutMetrics.MeterName)
            .AddMeter(DarkLaunchMetrics.MeterName)
            .AddMeter(RetentionMetrics.MeterName)
            .AddMeter(SnapshotMetrics.MeterName)
            .AddAspNetCoreInstrumentation()
            .AddNpgsqlInstrumentation()
            .AddRuntimeInstrumentation()
            .WithLatencyBuckets()
            .AddPrometheusExporter());
        // After AddOpenTelemetry: hosted services start in order, so the meter provider listens before the series are created.
        services.AddHostedService<RolloutTelemetry>();
        telemetry.WithTracing(tracing => tracing
            .AddSource(RolloutTracing.SourceName)
            .AddAspNetCoreInstrumentation()
            .AddNpgsql());

        // Standard OTEL_EXPORTER_OTLP_ENDPOINT: set it and traces and metrics also go to that collector.
        if (!string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            telemetry.UseOtlpExporter();
        }

        return services;
    }
}
