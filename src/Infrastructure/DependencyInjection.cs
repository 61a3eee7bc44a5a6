using CameraMonitor.Application.Cameras;
using CameraMonitor.Application.Cameras.GetCameraStats;
using CameraMonitor.Application.Common.Faults;
using CameraMonitor.Application.Common.Idempotency;
using CameraMonitor.Application.Common.Persistence;
using CameraMonitor.Application.Rollout.DarkLaunch;
using CameraMonitor.Application.Rollout.Parity;
using CameraMonitor.Application.Rollout.Routing;
using CameraMonitor.Application.Statistics.Common;
using CameraMonitor.Application.SystemInfo;
using CameraMonitor.Domain.Alerts;
using CameraMonitor.Domain.Cameras;
using CameraMonitor.Domain.Detections;
using CameraMonitor.Domain.Violations;
using CameraMonitor.Infrastructure.CameraMirror;
using CameraMonitor.Infrastructure.Legacy;
using CameraMonitor.Infrastructure.Legacy.Statistics;
using CameraMonitor.Infrastructure.Persistence;
using CameraMonitor.Infrastructure.Persistence.DemoData;
using CameraMonitor.Infrastructure.Persistence.Idempotency;
using CameraMonitor.Infrastructure.Persistence.Ingest;
using CameraMonitor.Infrastructure.Persistence.ReadModels;
using CameraMonitor.Infrastructure.Persistence.Repositories;
using CameraMonitor.Infrastructure.Persistence.Retention;
using CameraMonitor.Infrastructure.Persistence.Statistics;
using CameraMonitor.Infrastructure.Rollout;
using Dapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CameraMonitor.Infrastructure;

public static class DependencyInjection
{
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        // Columns are snake_case, C# members PascalCase.
        DefaultTypeMap.MatchNamesWithUnderscores = true;

        // Read when first needed, not now: the host may start a local PostgreSQL and set it after building.
        string ConnectionString() => configuration.GetConnectionString(PersistenceOptions.ConnectionStringName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{PersistenceOptions.ConnectionStringName} is not set.");
        services.AddSingleton(_ => new NpgsqlDataSourceBuilder(ConnectionString()).Build());
        services.AddSingleton(p => ShadowDataSource.Build(ConnectionString(),
            p.GetRequiredService<IOptions<ParityOptions>>().Value.Budget.MaxWorkers
            + p.GetRequiredService<IOptions<DarkLaunchOptions>>().Value.Budget.MaxWorkers));
        services.AddOptions<DatabaseFaultOptions>().Bind(configuration.GetSection(DatabaseFaultOptions.SectionName))
            .Validate(o => o.ConflictRetries is >= 0 and <= 10 && o.ConflictRetryDelayMilliseconds is >= 1 and <= 5000
                           && o.RetryAfterSeconds is >= 1 and <= 3600,
                "Database:ConflictRetries must be 0–10, Database:ConflictRetryDelayMilliseconds 1–5000 and Database:RetryAfterSeconds 1–3600.")
            .ValidateOnStart();
        services.AddSingleton<ConflictRetry>();
        services.AddSingleton<IInfrastructureFaults, DatabaseFaults>();
        services.AddSingleton(p => new CameraMirrorReconciler(p.GetRequiredService<IServiceScopeFactory>(),
            TimeSpan.FromSeconds(configuration.GetValue(CameraMirrorReconciler.IntervalKey, CameraMirrorReconciler.DefaultIntervalSeconds)),
            p.GetRequiredService<ILogger<CameraMirrorReconciler>>()));
        services.AddSingleton<IAfterCommitReconciler>(p => p.GetRequiredService<CameraMirrorReconciler>());
        services.AddHostedService(p => p.GetRequiredService<CameraMirrorReconciler>());
        services.AddScoped<DbSession>();
        services.AddScoped<IDbSession>(p => p.GetRequiredService<DbSession>());
        services.AddScoped<IUnitOfWork>(p => p.GetRequiredService<DbSession>());
        services.AddScoped<IWriteCapture>(p => p.GetRequiredService<DbSession>());
        services.AddScoped<IShadowConnections>(p => p.GetRequiredService<DbSession>());
        services.AddSingleton<MigrationRunner>();
        services.AddSingleton<DemoDataSeeder>();
        services.AddScoped<ICameraRepository, CameraRepository>();
        services.AddScoped<ICameraActivityReader, CameraActivityReader>();
        services.AddSingleton<IDatabaseProbe, DatabaseProbe>();
        services.AddScoped<ICameraMirror>(p => new YamlCameraMirror(p.GetRequiredService<IDbSession>(),
            CameraMirrorOptions.ResolvePath(configuration), p.GetRequiredService<ILogger<YamlCameraMirror>>()));
        services.AddScoped<IViolationRepository, ViolationRepository>();
        services.AddScoped<IStatisticsReadModel>(p => new RollupStatisticsReadModel(p.GetRequiredService<IDbSession>(),
            new SqlStatisticsReadModel(p.GetRequiredService<IDbSession>(), RawStatisticsSql.Queries),
            p.GetRequiredService<IOptions<StatisticsOptions>>()));
        services.AddScoped<IDetectionRecordRepository, DetectionRecordRepository>();
        services.AddScoped<IAlertRepository, AlertRepository>();
        services.AddScoped<IAlertRuleRepository, AlertRuleRepository>();
        services.AddScoped<IIdempotencyStore, IdempotencyStore>();
        services.AddOptions<IdempotencyRetentionOptions>().Bind(configuration.GetSection(IdempotencyRetentionOptions.SectionName))
            .Validate(o => o.IdempotencyKeyRetentionHours is >= 1 and <= 8760 && o.IdempotencyPruneIntervalMinutes is >= 0 and <= 1440,
                "Ingest:IdempotencyKeyRetentionHours must be 1–8760 and Ingest:IdempotencyPruneIntervalMinutes 0–1440.")
            .ValidateOnStart();
        services.AddSingleton<IdempotencyKeyPruner>();
        services.AddHostedService(p => p.GetRequiredService<IdempotencyKeyPruner>());
        services.AddOptions<RetentionOptions>().Bind(configuration.GetSection(RetentionOptions.SectionName))
            .Validate(o => o.IsValid, RetentionOptions.ValidationMessage)
            .ValidateOnStart();
        services.AddSingleton<RetentionMetrics>();
        services.AddSingleton<PartitionMaintainer>();
        services.AddHostedService(p => p.GetRequiredService<PartitionMaintainer>());
        services.AddRolloutControl(configuration);

        services.Scan(scan => scan.FromAssemblies(typeof(DependencyInjection).Assembly)
            .AddClasses(classes => classes.AssignableTo(typeof(ILegacyHandler<,>)).Where(t => !t.IsGenericTypeDefinition))
            .AsImplementedInterfaces()
            .WithScopedLifetime());
        services.AddOptions<LegacyReadOptions>().Bind(configuration.GetSection(LegacyReadOptions.SectionName))
            .Validate(o => o.StatementTimeoutSeconds is >= 0 and <= 3600, "Legacy:StatementTimeoutSeconds must be 0–3600.")
            .ValidateOnStart();
        // Each registered legacy handler, by its closed type: an open-generic decorator would also answer requests
        // that have no legacy handler (the operator API) with a decorator around nothing.
        for (var i = 0; i < services.Count; i++)
        {
            if (services[i] is { ImplementationType: { } handler, ServiceType: { IsGenericType: true } legacy }
                && !legacy.ContainsGenericParameters && legacy.GetGenericTypeDefinition() == typeof(ILegacyHandler<,>))
            {
                var bounded = typeof(LegacyStatementTimeout<,>).MakeGenericType(legacy.GetGenericArguments());
                services[i] = ServiceDescriptor.Scoped(legacy,
                    p => ActivatorUtilities.CreateInstance(p, bounded, ActivatorUtilities.CreateInstance(p, handler)));
            }
        }
        return services;
    }
}
