using System.Text.Json;
using System.Text.Json.Nodes;
using CameraMonitor.Application.Common.Errors;
using CameraMonitor.Application.Rollout.Routing;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace CameraMonitor.Application.Rollout.Parity;

/// <summary>
/// One sampled query. The handlers are resolved straight from the shadow scope, not sent through MediatR:
/// no routing, no metrics of served requests, and no ServedBy of the caller is touched.
/// </summary>
public sealed class ParityWork<TRequest, TResponse>(TRequest request, ServedPath primaryPath, TResponse primary, ParityRules rules)
    : IParityWork where TRequest : IRequest<TResponse>
{
    public string Endpoint { get; } = EndpointNames.Of(typeof(TRequest));

    public async Task<ParityResult> RunAsync(IServiceProvider scope, CancellationToken cancellationToken)
    {
        var legacy = scope.GetRequiredService<ILegacyHandler<TRequest, TResponse>>();
        var primaryJson = ToNode(primary);
        JsonNode? domain;
        JsonNode? legacyJson;
        string? domainError = null;
        if (primaryPath == ServedPath.Domain)
        {
            domain = primaryJson;
            legacyJson = ToNode(await legacy.Handle(request, cancellationToken));
        }
        else
        {
            legacyJson = primaryJson;
            try
            {
                domain = ToNode(await scope.GetRequiredService<IRequestHandler<TRequest, TResponse>>().Handle(request, cancellationToken));
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                domain = null;
                domainError = BusinessOutcome.Is(exception) ? exception.GetType().Name : "error: " + exception.GetType().Name;
            }
        }

        // The A/A run: legacy against itself shows which fields differ by nature (clocks, random ids).
        var legacyAgain = ToNode(await legacy.Handle(request, cancellationToken));
        return new ParityResult(Endpoint, rules, domain, legacyJson, legacyAgain, domainError);
    }

    private static JsonNode? ToNode(TResponse response) => JsonSerializer.SerializeToNode(response, RolloutJson.Options);
}
