using CameraMonitor.Api.Http;
using CameraMonitor.Api.Rollout;

namespace CameraMonitor.Api.Configuration;

/// <summary>
/// CORS for browser dashboards on other origins, listed in Cors:AllowedOrigins (none by default, so no
/// cross-origin access unless configured). X-Served-By, Location, X-Data-Source and Age are exposed so a
/// dashboard can show which implementation answered, follow a created resource and tell how old statistics are.
/// </summary>
public static class BrowserAccess
{
    public const string AllowedOriginsKey = "Cors:AllowedOrigins";

    public static IServiceCollection AddBrowserAccess(this IServiceCollection services, IConfiguration configuration)
    {
        var origins = configuration.GetSection(AllowedOriginsKey).Get<string[]>() ?? [];
        return services.AddCors(options => options.AddDefaultPolicy(policy =>
        {
            if (origins.Length > 0)
            {
                policy.WithOrigins(origins)
                    .AllowAnyHeader()
                    .AllowAnyMethod()
                    .WithExposedHeaders(RolloutHttpMiddleware.ServedByHeader, "Location", DataProvenanceFilter.DataSourceHeader, "Age");
            }
        }));
    }
}
