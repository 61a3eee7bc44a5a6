using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CameraMonitor.Api.RateLimiting;

public static class RateLimitRegistration
{
    /// <summary>
    /// Fixed one-minute windows per principal (the key's owner or the token's name; the client address when
    /// anonymous), so one noisy detector or script cannot starve the others. Refusals are 429 problem details
    /// with Retry-After.
    /// </summary>
    public static IServiceCollection AddApiRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RateLimitOptions>().Bind(configuration.GetSection(RateLimitOptions.SectionName));
        return services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = RejectAsync;
            options.AddPolicy(RateLimitPolicies.Ingest, context => Partition(context, RateLimitPolicies.Ingest, o => o.Ingest));
            options.AddPolicy(RateLimitPolicies.Operator, context => Partition(context, RateLimitPolicies.Operator, o => o.Operator));
        });
    }

    private static RateLimitPartition<string> Partition(HttpContext context, string policy,
        Func<RateLimitOptions, PolicyLimit> limitOf)
    {
        var permits = limitOf(context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value).PermitsPerMinute;
        var principal = context.User.Identity is { IsAuthenticated: true, Name: { } name }
            ? "principal:" + name
            : "address:" + context.Connection.RemoteIpAddress;
        return permits <= 0
            ? RateLimitPartition.GetNoLimiter($"{policy}|unlimited")
            : RateLimitPartition.GetFixedWindowLimiter($"{policy}|{permits}|{principal}", _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = permits,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            });
    }

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests.",
                Detail = $"This principal used its share of this route for the current minute; retry after {seconds} s.",
            },
        });
    }
}
