using CameraMonitor.Api.RateLimiting;
using CameraMonitor.Api.Security;
using CameraMonitor.Application.Rollout.Admin.GetDarkLaunchReport;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CameraMonitor.Api.Endpoints;

/// <summary>The write-path dark launch report (see docs/dark-launch.md); readers and operators may read it.</summary>
public static class AdminDarkLaunchEndpoints
{
    public const string Path = "/api/v1/admin/dark-launch";

    public static IEndpointRouteBuilder MapAdminDarkLaunchEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, Report).RequireAuthorization(AdminPolicies.Read).RequireRateLimiting(RateLimitPolicies.Operator)
            .WithTags("Admin: dark launch")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return app;
    }

    private static async Task<Ok<GetDarkLaunchReportResponse>> Report(IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetDarkLaunchReportQuery(), cancellationToken));
}
