using System.Text.Json;
using System.Text.Json.Nodes;
using CameraMonitor.Application.Common.Errors;
using CameraMonitor.Application.Common.Provenance;
using CameraMonitor.Application.Rollout.Routing;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace CameraMonitor.Application.Rollout.Parity;

/// <summary>
/// One sampled query. The handlers are resolved straight from the shadow scope, not sent through MediatR:
/// no routing, no metrics of served requests, and no ServedBy of the caller is touched. Both runs read live data
/// (<see cref="ResponseProvenance.LiveDataRequired"/>): when the caller was served a stored answer (a snapshot), the A/A
/// rerun then spans the same gap as the A/B pair, the answer's age included, so data that moved in that time is judged
/// as noise per field instead of counted as a mismatch (docs/operations.md, "Snapshots").
/// </summary>
public sealed class ParityWork<TRequest, TResponse>(TRequest request, ServedPath primaryPath, TResponse primary, ParityRules rules)
    : IParityWork where TRequest : IRequest<TResponse>
{
    public string Endpoint { get; } = EndpointNames.Of(typeof(TRequest));

    public async Task<ParityResult> RunAsync(IServiceProvider scope, CancellationToken cancellationToken)
    {
        if (scope.GetService<ResponseProvenance>() is { } provenance)
        {
            provenance.LiveDataRequired = true;
        }

        var legacy = scope.GetRequiredService<ILegacyHandler<TRequest, TResponse>>();
        var domain = scope.GetRequiredService<IRequestHandler<TRequest, TResponse>>();
        var primaryJson = ToNode(primary);
        if (primaryPath == ServedPath.Domain)
        {
            var legacyJson = ToNode(await legacy.Handle(request, cancellationToken));
            // A/A right after the shadow: domain again, so both pairs span the same gap since the caller's answer.
            var domainAgain = await TryRunAsync(domain, cancellationToken);
            return new ParityResult(Endpoint, rules, primaryJson, legacyJson, ServedPath.Domain, domainAgain.Json);
        }

        var shadow = await TryRunAsync(domain, cancellationToken);
        var legacyAgain = ToNode(await legacy.Handle(request, cancellationToken));
        return new ParityResult(Endpoint, rules, shadow.Json, primaryJson, ServedPath.Legacy, legacyAgain, shadow.Error);
    }

    private async Task<(JsonNode? Json, string? Error)> TryRunAsync(IRequestHandler<TRequest, TResponse> handler,
        CancellationToken cancellationToken)
    {
        try
        {
            return (ToNode(await handler.Handle(request, cancellationToken)), null);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return (null, BusinessOutcome.Is(exception) ? exception.GetType().Name : "error: " + exception.GetType().Name);
        }
    }

    private static JsonNode? ToNode(TResponse response) => JsonSerializer.SerializeToNode(response, RolloutJson.Options);
}
