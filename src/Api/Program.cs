using CameraMonitor.Api;
using CameraMonitor.Api.Configuration;
using CameraMonitor.Api.Endpoints;
using CameraMonitor.Api.Hosting;
using CameraMonitor.Api.OperatorConsole;
using CameraMonitor.Api.Rollout;
using CameraMonitor.Api.Security;
using CameraMonitor.Application;
using CameraMonitor.Infrastructure;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddEnvironmentAliases();

builder.Services
    .AddApplication(builder.Configuration)
    .AddInfrastructure(builder.Configuration)
    .AddApi(builder.Configuration)
    .AddAdminSecurity(builder.Configuration)
    .AddBrowserAccess(builder.Configuration);

var app = builder.Build();
await app.InitializeDatabaseAsync();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseCors();
app.UseMiddleware<RolloutHttpMiddleware>();

app.MapOpenApi();
app.MapScalarApiReference();
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(CameraMonitor.Api.DependencyInjection.ReadyTag) });
app.MapPrometheusScrapingEndpoint("/metrics");
app.MapCamerasEndpoints();
app.MapSystemEndpoints();
app.MapViolationsEndpoints();
app.MapStatisticsEndpoints();
app.MapDetectionRecordsEndpoints();
app.MapAlertsEndpoints();
app.MapAdminRolloutEndpoints();
app.MapAdminDarkLaunchEndpoints();
app.MapAdminSessionEndpoints();
app.MapConsole();

await app.RunAsync();

/// <summary>Entry point; public so the integration tests can host it with WebApplicationFactory.</summary>
public partial class Program;
