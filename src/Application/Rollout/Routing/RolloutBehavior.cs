using System.Diagnostics;
using CameraMonitor.Application.Common.Errors;
using CameraMonitor.Application.Common.Faults;
using CameraMonitor.Application.Common.Idempotency;
using CameraMonitor.Application.Common.Messaging;
using CameraMonitor.Application.Common.Persistence;
using CameraMonitor.Application.Rollout.Evidence;
using CameraMonitor.Application.Rollout.Parity;
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
/// Requests without a legacy handler (e.g. the operator API) pass straight through. A query answered by either path (not
/// by a fallback) is offered to the <see cref="ParitySampler"/>.
/// </summary>
public sealed class RolloutBehavior<TRequest, TResponse>(
    IServiceProvider services,
    RoutedEndpoint<TRequest, TResponse> endpoint,
    RequestContext requestContext,
    ServedBy servedBy,
    IInfrastructureFaults faults,
    ILogger<RolloutBehavior<TRequest, TResponse>> logger)
    : IPipelineBehavior<TRequest, TResponse> where TRequest : IRequest<TResponse>
{
    private static readonly string Endpoint = RoutedEndpoint<TRequest, TResponse>.Name;
    private static readonly string SpanName = RolloutTracing.SpanName(Endpoint);
    private static readonly string FallbackSpanName = RolloutTracing.FallbackSpanName(Endpoint);

    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken,
        RequestHandlerDelegate<TResponse> next)
    {
        if (!endpoint.HasLegacy)
        {
            return next();
        }

        var decided = endpoint.DecideAsync(requestContext);
        return decided.IsCompletedSuccessfully
            ? Route(decided.Result, request, cancellationToken, next)
            : RouteWhenDecidedAsync(decided, request, cancellationToken, next);
    }

    private async Task<TResponse> RouteWhenDecidedAsync(Task<RoutingDecision> decided, TRequest request,
        CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next) =>
        await Route(await decided, request, cancellationToken, next);

    /// <remarks>
    /// Not an async method: a domain attempt that completes synchronously and successfully (a cached answer, a snapshot)
    /// is returned as it is, without a state machine or a task of the routing's own; everything else (a pending or failed
    /// attempt, a span of the routing's own to stop) continues in <see cref="CompleteDomainAsync"/>, and legacy in
    /// <see cref="RunLegacy"/>.
    /// </remarks>
    private Task<TResponse> Route(RoutingDecision decision, TRequest request, CancellationToken cancellationToken,
        RequestHandlerDelegate<TResponse> next)
    {
        var chosen = decision.UseDomain ? ServedPath.Domain.ToName() : ServedPath.Legacy.ToName();
        RolloutLog.Routing(logger, Endpoint, requestContext.ClientKey, chosen, decision.Reason);
        var trace = RolloutTracing.StartRouting(SpanName, Endpoint, new RoutingInfo(chosen, decision.Reason));
        var group = RouteGroups.Of(decision);
        if (!decision.UseDomain)
        {
            return RunLegacy(request, ServedPath.Legacy, group, trace, cancellationToken);
        }

        servedBy.Path = ServedPath.Domain;
        var started = Stopwatch.GetTimestamp();
        var attempt = Attempt(next);
        if (attempt.IsCompletedSuccessfully && !trace.OwnsSpan)
        {
            DomainAnswered(request, group, started, attempt.Result);
            return attempt;
        }

        return CompleteDomainAsync(attempt, request, group, started, trace, cancellationToken);
    }

    /// <summary>The domain attempt as a task, a synchronous throw included, so that it meets the same catch clauses.</summary>
    private static Task<TResponse> Attempt(RequestHandlerDelegate<TResponse> next)
    {
        try
        {
            return next();
        }
        catch (Exception exception)
        {
            return Task.FromException<TResponse>(exception);
        }
    }

    private async Task<TResponse> CompleteDomainAsync(Task<TResponse> attempt, TRequest request, string group, long started,
        RoutingTrace trace, CancellationToken cancellationToken)
    {
        using var _ = trace;
        try
        {
            var response = await attempt;
            DomainAnswered(request, group, started, response);
            return response;
        }
        catch (Exception exception) when (BusinessOutcome.Is(exception))
        {
            RecordDomainAttempt(group, started, failed: false);
            throw;
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            RecordDomainAttempt(group, started, failed: true);
            if (!await FallbackCanHelpAsync(exception, cancellationToken))
            {
                throw;
            }

            endpoint.RecordFallback();
            using var fallbackSpan = trace.RecordFallback(FallbackSpanName, exception);
            RolloutLog.FallingBack(logger, exception, Endpoint, requestContext.ClientKey);
            await services.GetRequiredService<IUnitOfWork>().ResetAsync();
            return await RunLegacy(request, ServedPath.LegacyFallback, group, trace: default, cancellationToken);
        }
    }

    private void DomainAnswered(TRequest request, string group, long started, TResponse response)
    {
        RecordDomainAttempt(group, started, failed: false);
        endpoint.OfferForParity(request, ServedPath.Domain, response);
    }

    private void RecordDomainAttempt(string group, long started, bool failed) =>
        endpoint.RecordAttempt(ServedPath.Domain, group, Stopwatch.GetElapsedTime(started).TotalMilliseconds, failed);

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

    /// <param name="trace">The routing's span, stopped when legacy has answered if the routing opened it; default for a fallback (its caller stops it).</param>
    private async Task<TResponse> RunLegacy(TRequest request, ServedPath path, string group, RoutingTrace trace,
        CancellationToken cancellationToken)
    {
        using var _ = trace;
        servedBy.Path = path;
        var legacy = services.GetRequiredService<ILegacyHandler<TRequest, TResponse>>();
        var started = Stopwatch.GetTimestamp();
        var failed = false;
        TResponse response;
        try
        {
            // A command's legacy attempt gets its own transaction (and Idempotency-Key step), like the domain attempt had.
            response = request is ICommandMarker
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
            endpoint.RecordAttempt(path, group, Stopwatch.GetElapsedTime(started).TotalMilliseconds, failed);
        }

        endpoint.OfferForParity(request, path, response); // a fallback's answer is not sampled: the domain just failed
        return response;
    }
}
