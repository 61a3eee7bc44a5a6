using Microsoft.Extensions.Options;

namespace CameraMonitor.Api.Security;

/// <summary>The routes outside /api/v1 and who may use them (Auth:Anonymous, docs/security.md).</summary>
public static class OpenRoutes
{
    /// <summary>Health probes stay open: orchestrators call them without credentials and they reveal nothing.</summary>
    public static TBuilder AsHealthProbe<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AllowAnonymous();

    /// <summary>/metrics: open by default; Auth:Anonymous:Metrics=false requires a reader or operator.</summary>
    public static TBuilder AsMetrics<TBuilder>(this TBuilder builder, WebApplication app) where TBuilder : IEndpointConventionBuilder =>
        Anonymous(app).Metrics ? builder.AllowAnonymous() : builder.RequireAuthorization(ApiPolicies.Metrics);

    /// <summary>/openapi and /scalar: open in Development unless Auth:Anonymous:ApiReference says otherwise; else any principal.</summary>
    public static TBuilder AsApiReference<TBuilder>(this TBuilder builder, WebApplication app) where TBuilder : IEndpointConventionBuilder =>
        Anonymous(app).ApiReference ?? app.Environment.IsDevelopment()
            ? builder.AllowAnonymous()
            : builder.RequireAuthorization(ApiPolicies.ApiReference);

    private static AnonymousAccessOptions Anonymous(WebApplication app) =>
        app.Services.GetRequiredService<IOptions<AuthOptions>>().Value.Anonymous;
}
