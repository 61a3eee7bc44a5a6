using CameraMonitor.Application.Common.Persistence;
using CameraMonitor.Application.Common.Rollout;
using CameraMonitor.Application.Detections.IngestDetectionRecords;
using CameraMonitor.Domain.Alerts;
using CameraMonitor.Domain.Cameras;
using CameraMonitor.Domain.Detections;
using CameraMonitor.Infrastructure.Persistence;
using CameraMonitor.Infrastructure.Persistence.DemoData;
using CameraMonitor.Infrastructure.Persistence.Ingest;
using CameraMonitor.Infrastructure.Persistence.Repositories;
using Dapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CameraMonitor.Infrastructure;

public static class DependencyInjection
{
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        // Columns are snake_case, C# members PascalCase.
        DefaultTypeMap.MatchNamesWithUnderscores = true;

        // Read when first needed, not now: the host may start a local PostgreSQL and set it after building.
        services.AddSingleton(_ => new NpgsqlDataSourceBuilder(
            configuration.GetConnectionString(PersistenceOptions.ConnectionStringName)
            ?? throw new InvalidOperationException(
                $"ConnectionStrings:{PersistenceOptions.ConnectionStringName} is not set.")).Build());
        services.AddScoped<DbSession>();
        services.AddScoped<IDbSession>(p => p.GetRequiredService<DbSession>());
        services.AddScoped<IUnitOfWork>(p => p.GetRequiredService<DbSession>());
        services.AddSingleton<MigrationRunner>();
        services.AddSingleton<DemoDataSeeder>();
        services.AddScoped<ICameraRepository, CameraRepository>();
        services.AddScoped<IDetectionRecordRepository, DetectionRecordRepository>();
        services.AddScoped<IAlertRepository, AlertRepository>();
        services.AddScoped<IAlertRuleRepository, AlertRuleRepository>();
        services.AddScoped<IIngestIdempotency, IngestIdempotencyStore>();

        services.Scan(scan => scan.FromAssemblies(typeof(DependencyInjection).Assembly)
            .AddClasses(classes => classes.AssignableTo(typeof(ILegacyHandler<,>)))
            .AsImplementedInterfaces()
            .WithScopedLifetime());
        return services;
    }
}
