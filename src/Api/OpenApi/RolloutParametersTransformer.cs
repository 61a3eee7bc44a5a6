using CameraMonitor.Api.Rollout;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CameraMonitor.Api.OpenApi;

/// <summary>
/// Documents what the rollout middleware adds to every routed endpoint: the force_domain query parameter,
/// the X-Client-Id header that picks the sticky bucket, and the X-Served-By response header.
/// </summary>
public sealed class RolloutParametersTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context,
        CancellationToken cancellationToken)
    {
        var path = context.Description.RelativePath ?? string.Empty;
        if (!path.StartsWith("api/v1/", StringComparison.Ordinal) || path.StartsWith("api/v1/admin", StringComparison.Ordinal))
        {
            return Task.CompletedTask;
        }

        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = RolloutHttpMiddleware.ForceDomainParameter,
            In = ParameterLocation.Query,
            Description = "Testing: true serves this request from the domain implementation, false from legacy.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.Boolean },
        });
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = RolloutHttpMiddleware.ClientIdHeader,
            In = ParameterLocation.Header,
            Description = "Stable client key for the sticky rollout bucket (default: the remote IP).",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 200 },
        });
        foreach (var response in operation.Responses?.Values.AsEnumerable() ?? [])
        {
            if (response is OpenApiResponse concrete)
            {
                concrete.Headers ??= new Dictionary<string, IOpenApiHeader>();
                concrete.Headers[RolloutHttpMiddleware.ServedByHeader] = new OpenApiHeader
                {
                    Description = "Which implementation produced the body: domain, legacy or legacy-fallback.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                };
            }
        }

        return Task.CompletedTask;
    }
}
