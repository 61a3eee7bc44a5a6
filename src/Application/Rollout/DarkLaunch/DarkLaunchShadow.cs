using CameraMonitor.Application.Common.Errors;
using CameraMonitor.Application.Rollout.Parity;
using CameraMonitor.Application.Rollout.Routing;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace CameraMonitor.Application.Rollout.DarkLaunch;

/// <summary>
/// Runs the other implementation of a sampled command in a DI scope of its own (its own connection, its
/// own ServedBy), inside a transaction that is always rolled back. The handler is resolved straight from
/// the scope, not sent through MediatR: no routing, no served-request metrics, no fallback.
/// </summary>
public static class DarkLaunchShadow
{
    /// <summary>The shadow's outcome; a business refusal is an outcome, any other failure propagates.</summary>
    public static async Task<DarkLaunchOutcome> RunAsync<TRequest, TResponse>(IServiceScopeFactory scopes, TRequest request,
        ServedPath path, CancellationToken cancellationToken) where TRequest : IRequest<TResponse>
    {
        await using var scope = ShadowScope.Create(scopes);
        var services = scope.ServiceProvider;
        Func<CancellationToken, Task<TResponse>> handle = path == ServedPath.Domain
            ? ct => services.GetRequiredService<IRequestHandler<TRequest, TResponse>>().Handle(request, ct)
            : ct => services.GetRequiredService<ILegacyHandler<TRequest, TResponse>>().Handle(request, ct);
        try
        {
            var run = await services.GetRequiredService<IWriteCapture>().RunAndRollBackAsync(handle, cancellationToken);
            return DarkLaunchOutcome.Of(run.Result, run.Writes);
        }
        catch (Exception exception) when (BusinessOutcome.Is(exception))
        {
            return DarkLaunchOutcome.Refused(exception);
        }
    }
}
