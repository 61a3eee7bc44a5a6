using CameraMonitor.Application.Common.Persistence;
using CameraMonitor.Application.Common.Rollout;
using CameraMonitor.Domain.Cameras;
using CameraMonitor.Infrastructure.Persistence;
using CameraMonitor.Infrastructure.Persistence.DemoData;
using CameraMonitor.Infrastructure.Persistence.Repositories;
using CameraMonitor.Infrastructure.Rollout;
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
        services.AddRolloutControl();

        services.Scan(scan => scan.FromAssemblies(typeof(DependencyInjection).Assembly)
            .AddClasses(classes => classes.AssignableTo(typeof(ILegacyHandler<,>)))
            .AsImplementedInterfaces()
            .WithScopedLifetime());
        return services;
    }
}
