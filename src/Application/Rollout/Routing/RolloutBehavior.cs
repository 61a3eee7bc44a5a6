using System.Diagnostics;
using CameraMonitor.Application.Common.Errors;
using CameraMonitor.Application.Common.Faults;
using CameraMonitor.Application.Common.Idempotency;
using CameraMonitor.Application.Common.Messaging;
using CameraMonitor.Application.Common.Persistence;
using CameraMonitor.Application.Rollout.Evidence;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CameraMonitor.Application.Rollout.Routing;

/// <summary>
/// Decides per request whether the domain handler (the rest of the pipeline) or the legacy handler
/// answers, and falls back to legacy when the domain attempt fails with a fault of its own code. Not for
/// business outcomes (legacy would say the same), and not for infrastructure faults legacy shares (database down,
/// pool exhausted, timeouts, an unknown commit outcome): those are answered (503) without doubling the load. A lost
/// connection falls back only if the database answers a fresh one; the fallback always runs on a fresh connection.
/// Requests without a legacy handler (e.g. the operator API) pass straight through.
/// </summary>
public sealed class RolloutBehavior<TRequest, TResponse>(
    IServiceProvider services,
    IRolloutRouter router,
    RequestContext requestContext,
    ServedBy servedBy,
    RolloutMetrics metrics,
    IInfrastructureFaults faults,
    ILogger<RolloutBehavior<TRequest, TResponse>> logger)
    : IPipelineBehavior<TRequest, TResponse>
{
    private static readonly string Endpoint = EndpointNames.Of(typeof(TRequest));
    private static readonly string SpanName = RolloutTracing.SpanName(Endpoint);
    private static readonly string FallbackSpanName = RolloutTracing.FallbackSpanName(Endpoint);

    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken,
        RequestHandlerDelegate<TResponse> next) =>
        LegacyHandlers.Exist<TRequest, TResponse>(services) ? RouteAsync(request, cancellationToken, next) : next();

    private async Task<TResponse> RouteAsync(TRequest request, CancellationToken cancellationToken,
        RequestHandlerDelegate<TResponse> next)
    {
        var decision = await router.DecideAsync(Endpoint, requestContext);
        var chosen = decision.UseDomain ? ServedPath.Domain.ToName() : ServedPath.Legacy.ToName();
        RolloutLog.Routing(logger, Endpoint, requestContext.ClientKey, chosen, decision.Reason);
        using var trace = RolloutTracing.StartRouting(SpanName, Endpoint, new RoutingInfo(chosen, decision.Reason));

        var group = RouteGroups.Of(decision);
        if (!decision.UseDomain)
        {
            return await RunLegacy(request, ServedPath.Legacy, group, cancellationToken);
        }

        servedBy.Path = ServedPath.Domain;
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await next();
            metrics.RecordAttempt(Endpoint, ServedPath.Domain.ToName(), group, Stopwatch.GetElapsedTime(started).TotalMilliseconds, failed: false);
            return response;
        }
        catch (Exception exception) when (BusinessOutcome.Is(exception))
        {
            metrics.RecordAttempt(Endpoint, ServedPath.Domain.ToName(), group, Stopwatch.GetElapsedTime(started).TotalMilliseconds, failed: false);
            throw;
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            metrics.RecordAttempt(Endpoint, ServedPath.Domain.ToName(), group, Stopwatch.GetElapsedTime(started).TotalMilliseconds, failed: true);
            if (!await FallbackCanHelpAsync(exception, cancellationToken))
            {
                throw;
            }

            metrics.RecordFallback(Endpoint);
            using var fallbackSpan = trace.RecordFallback(FallbackSpanName, exception);
            RolloutLog.FallingBack(logger, exception, Endpoint, requestContext.ClientKey);
            await services.GetRequiredService<IUnitOfWork>().ResetAsync();
            return await RunLegacy(request, ServedPath.LegacyFallback, group, cancellationToken);
        }
    }

    private async Task<bool> FallbackCanHelpAsync(Exception exception, CancellationToken cancellationToken)
    {
        var fault = faults.Classify(exception);
        var canHelp = fault switch
        {
            InfrastructureFault.None => true,
            InfrastructureFault.ConnectionLost => await faults.DatabaseAnswersAsync(cancellationToken),
            _ => false,
        };
        if (!canHelp)
        {
            RolloutLog.NoFallback(logger, Endpoint, fault.ToString(), exception.Message);
        }

        return canHelp;
    }

    private async Task<TResponse> RunLegacy(TRequest request, ServedPath path, string group, CancellationToken cancellationToken)
    {
        servedBy.Path = path;
        var legacy = services.GetRequiredService<ILegacyHandler<TRequest, TResponse>>();
        var started = Stopwatch.GetTimestamp();
        var failed = false;
        try
        {
            // A command's legacy attempt gets its own transaction (and Idempotency-Key step), like the domain attempt had.
            return request is ICommandMarker
                ? await services.GetRequiredService<CommandTransaction>()
                    .RunAsync(request, ct => legacy.Handle(request, ct), cancellationToken)
                : await legacy.Handle(request, cancellationToken);
        }
        catch (Exception exception) when (!BusinessOutcome.Is(exception))
        {
            failed = true;
            throw;
        }
        finally
        {
            metrics.RecordAttempt(Endpoint, path.ToName(), group, Stopwatch.GetElapsedTime(started).TotalMilliseconds, failed);
        }
    }
}
