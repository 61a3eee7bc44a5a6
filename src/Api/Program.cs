using CameraMonitor.Api;
using CameraMonitor.Api.Configuration;
using CameraMonitor.Api.Endpoints;
using CameraMonitor.Api.Hosting;
using CameraMonitor.Api.OperatorConsole;
using CameraMonitor.Api.RateLimiting;
using CameraMonitor.Api.Rollout;
using CameraMonitor.Api.Security;
using CameraMonitor.Application;
using CameraMonitor.Infrastructure;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Scalar.AspNetCore;

if (ApiKeyHash.TryRunCommand(args, Console.Out))
{
    return 0;
}

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddEnvironmentAliases();

builder.Services
    .AddApplication(builder.Configuration)
    .AddInfrastructure(builder.Configuration)
    .AddApi(builder.Configuration)
    .AddApiSecurity(builder.Configuration)
    .AddApiRateLimits(builder.Configuration)
    .AddTrustedProxies(builder.Configuration)
    .AddBrowserAccess(builder.Configuration);

var app = builder.Build();

if (PartitionMaintenanceCommand.IsRequested(args))
{
    return await PartitionMaintenanceCommand.RunAsync(app.Services, builder.Configuration, Console.Out, Console.Error);
}

// Refusals come first, before any migration or write: one line on stderr, exit code 1 (docs/failure-behaviour.md).
// That covers a bad configuration such as a development key in Production (options validation runs here).
try
{
    StartupChecks.EnsureStartable(app);
    LegacyAdminKeys.LogMapping(app.Services.GetRequiredService<IOptions<AdminSecurityOptions>>().Value, app.Logger);
    try
    {
        await app.InitializeDatabaseAsync();
    }
    catch (Exception exception) when (exception is Npgsql.NpgsqlException or TimeoutException)
    {
        throw new StartupRefusedException($"the database could not be prepared: {StartupChecks.OneLine(exception.Message)}");
    }
}
catch (StartupRefusedException refused) when (StartupChecks.RunsAsItsOwnProcess)
{
    await Console.Error.WriteLineAsync($"CameraMonitor will not start: {refused.Message}");
    return 1;
}

app.UseForwardedHeaders();
app.UseResponseCompression();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseCors();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.UseMiddleware<RolloutHttpMiddleware>();

app.MapOpenApi().AsApiReference(app);
app.MapScalarApiReference().AsApiReference(app);
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AsHealthProbe();
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(CameraMonitor.Api.DependencyInjection.ReadyTag) })
    .AsHealthProbe();
app.MapPrometheusScrapingEndpoint("/metrics").AsMetrics(app);
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
app.MapBenchmarkEndpoints();

await app.RunAsync();
return 0;

/// <summary>Entry point; public so the integration tests can host it with WebApplicationFactory.</summary>
public partial class Program;
