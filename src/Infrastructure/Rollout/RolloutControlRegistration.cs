using CameraMonitor.Application.Rollout.Evidence;
using CameraMonitor.Application.Rollout.Parity;
using CameraMonitor.Application.Rollout.Plans;
using CameraMonitor.Application.Rollout.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CameraMonitor.Infrastructure.Rollout;

public static class RolloutControlRegistration
{
    /// <summary>Run-time overrides from PostgreSQL over the configured rollout, kept live by LISTEN/NOTIFY.</summary>
    public static IServiceCollection AddRolloutControl(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PlanWebhookOptions>().Bind(configuration.GetSection(PlanWebhookOptions.SectionName))
            .Validate(o => o.Url is null || Uri.TryCreate(o.Url, UriKind.Absolute, out _), "Rollout:Plans:Webhook:Url must be an absolute URL.")
            .Validate(o => o is { QueueCapacity: > 0, MaxAttempts: > 0, FirstRetryDelaySeconds: >= 0, TimeoutSeconds: > 0 },
                "Rollout:Plans:Webhook: QueueCapacity, MaxAttempts and TimeoutSeconds must be positive.")
            .ValidateOnStart();
        services.AddSingleton<PostgresRolloutOverrideStore>();
        services.AddSingleton<IRolloutOverrideStore>(p => p.GetRequiredService<PostgresRolloutOverrideStore>());
        services.AddSingleton<LayeredRolloutState>();
        services.Replace(ServiceDescriptor.Singleton<IRolloutState>(p => p.GetRequiredService<LayeredRolloutState>()));
        services.AddSingleton<IRolloutStateRefresher>(p => p.GetRequiredService<LayeredRolloutState>());
        services.AddHostedService<RolloutChangeListener>();
        services.AddSingleton<IParityDiffStore, PostgresParityDiffStore>();
        services.AddHostedService<ParityWorker>();
        services.AddSingleton<IRolloutPlanStore, PostgresRolloutPlanStore>();
        services.AddHostedService<RolloutPlanWorker>();
        services.AddSingleton<PlanWebhookQueue>();
        services.AddSingleton<IPlanEvents>(p => p.GetRequiredService<PlanWebhookQueue>());
        services.AddHostedService<PlanWebhookDispatcher>();
        services.AddSingleton<EvidencePublisher>();
        services.AddSingleton<IEvidenceFlusher>(p => p.GetRequiredService<EvidencePublisher>());
        services.AddHostedService(p => p.GetRequiredService<EvidencePublisher>());
        services.AddSingleton<PostgresClusterEvidenceReader>();
        services.AddSingleton<IClusterEvidenceReader>(p => p.GetRequiredService<PostgresClusterEvidenceReader>());
        services.AddSingleton<IClusterReportReader>(p => p.GetRequiredService<PostgresClusterEvidenceReader>());
        return services;
    }
}
