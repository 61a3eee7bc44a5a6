using System.Diagnostics;
using CameraMonitor.Application.Common.Errors;
using CameraMonitor.Application.Common.Messaging;
using CameraMonitor.Application.Rollout.Routing;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CameraMonitor.Application.Rollout.DarkLaunch;

/// <summary>
/// Write-path dark launch, just outside routing. For a sampled command (dark_launch_sample_rate: DarkLaunch:Endpoints:X:SampleRate
/// or its run-time override, live on every instance)
/// it first runs the implementation the router will NOT pick, in its own scope and a transaction that is
/// always rolled back, capturing its response and rows; then it lets the request through the rest of the
/// pipeline, capturing the rows the real path commits; then it compares both. Shadow first, so the real
/// write neither blocks it nor makes it conflict (a create of the same id). The caller only ever sees the
/// real path: a failing or slow shadow (bounded by DarkLaunch:ShadowTimeoutSeconds) is logged and counted.
/// A real request that falls back, fails or lands on another path than predicted is not compared; with the
/// kill switch off nothing is sampled (domain code must not run at all then). A sampled command also needs the
/// dark-launch budget (DarkLaunch:Budget: a token and a free shadow slot), else it is counted as skipped for budget and
/// runs alone. Commands only: the constraint keeps it out of a query's pipeline.
/// </summary>
public sealed class DarkLaunchBehavior<TRequest, TResponse>(
    IServiceProvider services,
    RoutedEndpoint<TRequest, TResponse> routed,
    IServiceScopeFactory scopes,
    RequestContext requestContext,
    ServedBy servedBy,
    IOptions<DarkLaunchOptions> options,
    DarkLaunchTracker tracker,
    ILogger<DarkLaunchBehavior<TRequest, TResponse>> logger)
    : IPipelineBehavior<TRequest, TResponse> where TRequest : IRequest<TResponse>, ICommandMarker
{
    private static readonly string Endpoint = RoutedEndpoint<TRequest, TResponse>.Name;

    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken,
        RequestHandlerDelegate<TResponse> next)
    {
        if (routed.CurrentRollout() is not { DarkLaunchSampleRate: > 0 } endpoint
            || Random.Shared.NextDouble() * 100 >= endpoint.DarkLaunchSampleRate
            || !routed.HasLegacy)
        {
            return next();
        }

        return DarkLaunchAsync(request, endpoint, cancellationToken, next);
    }

    private async Task<TResponse> DarkLaunchAsync(TRequest request, EffectiveEndpointRollout endpoint, CancellationToken cancellationToken,
        RequestHandlerDelegate<TResponse> next)
    {
        var decision = await routed.DecideAsync(requestContext);
        if (decision.ByKillSwitch)
        {
            return await next();
        }

        // The budget is asked before anything is run or captured: a command over budget costs only this check.
        return tracker.TryEnterBudget(Endpoint)
            ? await CompareAsync(request, endpoint, decision, cancellationToken, next)
            : await next();
    }

    private async Task<TResponse> CompareAsync(TRequest request, EffectiveEndpointRollout endpoint, RoutingDecision decision,
        CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var realPath = decision.UseDomain ? ServedPath.Domain : ServedPath.Legacy;
        var shadowPath = realPath == ServedPath.Domain ? ServedPath.Legacy : ServedPath.Domain;
        tracker.RecordSampled(Endpoint);
        DarkLaunchOutcome? shadow;
        var started = Stopwatch.GetTimestamp();
        try
        {
            shadow = await RunShadowAsync(request, shadowPath, options.Value, cancellationToken);
        }
        finally
        {
            tracker.Budget.Release(); // the slot bounds shadows in flight; the real write is the request's own work
            tracker.Budget.Charge(Stopwatch.GetElapsedTime(started));
        }

        var capture = services.GetRequiredService<IWriteCapture>();
        capture.CaptureCommittedWrites();
        TResponse response;
        try
        {
            response = await next();
        }
        catch (Exception exception) when (BusinessOutcome.Is(exception))
        {
            Complete(shadow, realPath, shadowPath, () => DarkLaunchOutcome.Refused(exception), endpoint);
            throw;
        }
        catch when (shadow is not null)
        {
            tracker.RecordSkipped(Endpoint);
            throw;
        }

        Complete(shadow, realPath, shadowPath, () => DarkLaunchOutcome.Of(response, capture.CommittedWrites), endpoint);
        return response;
    }

    private async Task<DarkLaunchOutcome?> RunShadowAsync(TRequest request, ServedPath shadowPath, DarkLaunchOptions settings,
        CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(settings.ShadowTimeoutSeconds));
        try
        {
            return await DarkLaunchShadow.RunAsync<TRequest, TResponse>(scopes, request, shadowPath, timeout.Token);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            tracker.RecordShadowFailure(Endpoint);
            logger.LogWarning(exception, "Dark-launch shadow ({Path}) of {Endpoint} failed{Timeout}; the request goes on",
                shadowPath.ToName(), Endpoint, timeout.IsCancellationRequested ? " (timed out)" : string.Empty);
            return null;
        }
    }

    // Comparing must never fail the request: the real write is already committed.
    private void Complete(DarkLaunchOutcome? shadow, ServedPath realPath, ServedPath shadowPath, Func<DarkLaunchOutcome> real,
        EffectiveEndpointRollout endpoint)
    {
        if (shadow is null)
        {
            return;
        }

        if (servedBy.Path != realPath)
        {
            tracker.RecordSkipped(Endpoint);
            return;
        }

        try
        {
            var realOutcome = real();
            var comparison = realPath == ServedPath.Domain
                ? DarkLaunchComparison.Of(realOutcome, shadow, endpoint.DarkLaunchIgnoredFieldList)
                : DarkLaunchComparison.Of(shadow, realOutcome, endpoint.DarkLaunchIgnoredFieldList);
            tracker.RecordCompared(Endpoint, realPath, shadowPath, comparison);
            if (!comparison.Matched)
            {
                logger.LogWarning("Dark launch of {Endpoint}: {Responses} response and {Rows} row difference(s) between domain and legacy",
                    Endpoint, comparison.ResponseDifferences.Count, comparison.RowDifferences.Count);
            }
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Dark-launch comparison of {Endpoint} failed; the request is unaffected", Endpoint);
        }
    }
}
