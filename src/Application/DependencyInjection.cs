using CameraMonitor.Application.Common.Behaviors;
using CameraMonitor.Application.Common.Idempotency;
using CameraMonitor.Application.Common.Messaging;
using CameraMonitor.Application.Common.Provenance;
using CameraMonitor.Application.Common.Validation;
using CameraMonitor.Application.Rollout.Admin.Shared;
using CameraMonitor.Application.Rollout.DarkLaunch;
using CameraMonitor.Application.Rollout.Evidence;
using CameraMonitor.Application.Rollout.Parity;
using CameraMonitor.Application.Rollout.Plans;
using CameraMonitor.Application.Rollout.Routing;
using CameraMonitor.Application.Statistics.Common;
using CameraMonitor.Application.Statistics.Snapshots;
using CameraMonitor.Application.SystemInfo;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.FeatureManagement;

namespace CameraMonitor.Application;

public static class DependencyInjection
{
    public static IServiceCollection AddApplication(this IServiceCollection services, IConfiguration configuration)
    {
        var assembly = typeof(DependencyInjection).Assembly;

        // MediatR 5.1.0 has no usable DI extension here, so it is wired by hand. The mediator resolves handlers and
        // behaviors from the request's scope; it is MediatR's contract composed without MediatR 5.1's per-request LINQ.
        // Transient, not scoped: it holds nothing but the scope it was resolved from, and a scoped resolution costs every
        // request a locked lookup and an insert in the scope's table (docs/performance.md, "Third round").
        services.AddTransient<IMediator, PipelineMediator>();
        services.Scan(scan => scan.FromAssemblies(assembly)
            .AddClasses(classes => classes.AssignableTo(typeof(IRequestHandler<,>)))
            .AsImplementedInterfaces()
            .WithScopedLifetime());

        // The first registered behavior is the outermost: validation → dark launch → rollout (which also draws the parity
        // samples, ParitySampler) → transaction → domain handler.
        // Dark launch and the transaction are constrained to commands, so the container leaves them out of a query's
        // pipeline altogether (each behavior costs a request a resolution, an object and a delegate). Validation holds only
        // singletons; the others are transient, not scoped: they are resolved once per request anyway, and scoped instances
        // (and the scoped list of them) would be kept in the request scope's table, which then grows on every request.
        services.AddSingleton(typeof(IPipelineBehavior<,>), typeof(ValidationBehavior<,>));
        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(DarkLaunchBehavior<,>));
        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(RolloutBehavior<,>));
        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(TransactionBehavior<,>));

        services.AddValidatorsFromAssembly(assembly, ServiceLifetime.Singleton);
        ValidatorOptions.Global.DisplayNameResolver = (_, member, _) => member is null ? null : WireNames.Of(member);
        ValidatorOptions.Global.MessageFormatterFactory = ThreadMessageFormatter.Create;

        services.AddOptions<RolloutOptions>().Bind(configuration.GetSection(RolloutOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RolloutOptions>, RolloutOptionsValidator>();
        services.AddOptions<StatisticsOptions>().Bind(configuration.GetSection(StatisticsOptions.SectionName))
            .Validate(o => o.NoDetectionGapMinutes is > 0 and <= 10080 && o.MaxReportedGaps > 0,
                "Statistics:NoDetectionGapMinutes must be 1..10080 and Statistics:MaxReportedGaps positive.")
            .ValidateOnStart();
        services.AddOptions<SnapshotOptions>().Bind(configuration.GetSection(SnapshotOptions.SectionName))
            .Validate(o => o.IsValid(),
                $"Snapshots: MaxEntries must be 1–100000; each query's FreshSeconds at least 0, MaxAgeSeconds at least FreshSeconds and at most {SnapshotLimits.MaxSeconds}.")
            .ValidateOnStart();
        services.AddSingleton<SnapshotMetrics>();
        services.AddSingleton<StatisticsSnapshots>();
        services.AddSingleton<IEndpointCatalog, EndpointCatalog>();
        services.AddSingleton<ConfiguredRolloutState>();
        // Infrastructure replaces this with the PostgreSQL-backed state that lays run-time overrides over it.
        services.AddSingleton<IRolloutState>(p => p.GetRequiredService<ConfiguredRolloutState>());
        // Registered before AddFeatureManagement, which only TryAdds its configuration-based provider.
        services.AddSingleton<IFeatureDefinitionProvider, RolloutFeatureDefinitionProvider>();
        services.AddFeatureManagement();
        services.AddSingleton<IRolloutRouter, RolloutRouter>();
        // What the routing behavior keeps of each request type (a singleton per type): it finds it without a lookup.
        services.AddSingleton(typeof(RoutedEndpoint<,>));

        services.AddScoped<CommandTransaction>();
        services.AddScoped<RolloutChanges>();
        services.AddScoped<RequestContext>();
        services.AddScoped<ServedBy>();
        services.AddScoped<ResponseProvenance>();
        services.AddSingleton<HostInfo>();
        services.AddMetrics();
        services.AddOptions<EvidenceOptions>().Bind(configuration.GetSection(EvidenceOptions.SectionName))
            .Validate(o => o.PublishIntervalSeconds is >= 0.1 and <= 300 && o.RetentionHours is > 0 and <= 8760
                    && o.MaxPendingRows is >= 1 and <= 10_000_000 && o.DefaultWindowMinutes is > 0 and <= 10_080
                    && o.SilentAfterIntervals >= 1,
                "Rollout:Evidence: PublishIntervalSeconds must be 0.1–300, RetentionHours above 0 and at most 8760, "
                + "MaxPendingRows 1–10000000, DefaultWindowMinutes above 0 and at most 10080, SilentAfterIntervals at least 1.")
            .ValidateOnStart();
        services.AddSingleton<EvidenceInstance>();
        services.AddSingleton<EvidenceRecorder>();
        services.AddSingleton<EvidenceWindow>();
        services.AddSingleton<RolloutMetrics>();
        services.AddOptions<ParityOptions>().Bind(configuration.GetSection(ParityOptions.SectionName))
            .Validate(o => o.Budget.IsValid, $"{ParityOptions.SectionName}:Budget: {ShadowBudgetOptions.Rule}")
            .ValidateOnStart();
        services.AddSingleton<ParityQueue>();
        services.AddSingleton<ParityTracker>();
        services.AddSingleton<ParitySampler>();
        services.AddOptions<DarkLaunchOptions>().Bind(configuration.GetSection(DarkLaunchOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DarkLaunchOptions>, DarkLaunchOptionsValidator>();
        services.AddSingleton<DarkLaunchMetrics>();
        services.AddSingleton<DarkLaunchTracker>();
        services.AddOptions<RolloutPlanOptions>().Bind(configuration.GetSection(RolloutPlanOptions.SectionName))
            .Validate(o => o.EvaluationIntervalSeconds is >= 0 and <= RolloutPlanOptions.MaxEvaluationIntervalSeconds,
                "Rollout:Plans:EvaluationIntervalSeconds must be 0 (off) to 3600.")
            .ValidateOnStart();
        services.AddSingleton<ClusterPlanEvidence>();
        services.AddSingleton<RolloutPlanEvaluator>();
        return services;
    }
}
