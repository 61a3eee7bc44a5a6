using CameraMonitor.Application.Rollout.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.FeatureManagement;

namespace CameraMonitor.Application.UnitTests.Rollout.Routing;

/// <summary>The real router over Microsoft.FeatureManagement, configured from an in-memory dictionary.</summary>
internal static class RouterHarness
{
    public static IRolloutRouter Create(IDictionary<string, string?> settings) =>
        Services(new ConfigurationBuilder().AddInMemoryCollection(settings).Build()).GetRequiredService<IRolloutRouter>();

    /// <summary>The router's services, with the library's <see cref="IFeatureManager"/> beside it for comparisons.</summary>
    public static ServiceProvider Services(IConfiguration configuration)
    {
        var services = new ServiceCollection()
            .AddSingleton(configuration)
            .AddLogging()
            .AddOptions()
            .Configure<RolloutOptions>(configuration.GetSection(RolloutOptions.SectionName))
            .AddSingleton<IEndpointCatalog, EndpointCatalog>()
            .AddSingleton<IRolloutState, ConfiguredRolloutState>()
            .AddSingleton<IFeatureDefinitionProvider, RolloutFeatureDefinitionProvider>()
            .AddSingleton<IRolloutRouter, RolloutRouter>();
        services.AddFeatureManagement();
        return services.BuildServiceProvider();
    }

    public static IRolloutRouter WithPercentage(double percentage, string endpoint = "ListCameras") =>
        Create(new Dictionary<string, string?> { [$"Rollout:Endpoints:{endpoint}:Percentage"] = percentage.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    public static async Task<bool> UsesDomain(this IRolloutRouter router, string clientKey, string endpoint = "ListCameras",
        bool? forceDomain = null) =>
        (await router.DecideAsync(endpoint, new RequestContext { ClientKey = clientKey, ForceDomain = forceDomain })).UseDomain;
}
