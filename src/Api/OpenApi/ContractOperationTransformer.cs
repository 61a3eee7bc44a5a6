using System.Reflection;
using System.Text.Json.Nodes;
using CameraMonitor.Api.Http;
using CameraMonitor.Application.Detections.IngestDetectionRecords;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Net.Http.Headers;
using Microsoft.OpenApi;

namespace CameraMonitor.Api.OpenApi;

/// <summary>
/// Makes every operation say what the service really does: an operation id and a summary, the refusals of the
/// pipeline in front of the handler (401/403 from access control, 429 from rate limits, 503 when the database
/// is unavailable), a problem schema for every error status, ingest as one record or an array, enums for the
/// query parameters that only take a closed set of values.
/// </summary>
public sealed class ContractOperationTransformer : IOpenApiOperationTransformer
{
    public const string ProblemSchema = "ProblemDetails";
    public const string ValidationProblemSchema = "HttpValidationProblemDetails";
    public const string ProblemContentType = "application/problem+json";
    private const string IngestOperation = "IngestDetectionRecords";

    private static readonly Dictionary<string, string> StatusDescriptions = new(StringComparer.Ordinal)
    {
        ["400"] = "The request is invalid; errors name each field.",
        ["401"] = "No credentials, or credentials the service does not accept.",
        ["403"] = "The caller's roles do not allow this operation or one of its parameters.",
        ["404"] = "The resource does not exist.",
        ["409"] = "The request conflicts with the current state (taken id, concurrent change, replayed key).",
        ["412"] = "If-Match does not match the resource's current ETag.",
        ["429"] = "Too many requests for this caller; retry after the Retry-After header.",
        ["503"] = "The database is unavailable; retry later.",
    };

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context,
        CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var handler = metadata.OfType<MethodInfo>().FirstOrDefault();
        var path = context.Description.RelativePath ?? string.Empty;
        var isAdmin = path.StartsWith("api/v1/admin", StringComparison.Ordinal);
        operation.OperationId ??= (isAdmin ? "Admin" + AdminArea(path) : string.Empty) + (handler?.Name ?? "Operation");
        operation.Summary ??= Humanize(handler?.Name ?? operation.OperationId);

        operation.Responses ??= [];
        if (!metadata.OfType<IAllowAnonymous>().Any() && metadata.OfType<IAuthorizeData>().Any())
        {
            AddProblem(operation, context, "401");
            AddProblem(operation, context, "403");
        }

        if (metadata.OfType<EnableRateLimitingAttribute>().Any())
        {
            AddProblem(operation, context, "429");
        }

        if (path.StartsWith("api/v1/", StringComparison.Ordinal))
        {
            AddProblem(operation, context, "503");
        }

        // A resource named in the path may not exist (an unknown camera, violation or endpoint name).
        if (path.Contains('{', StringComparison.Ordinal))
        {
            AddProblem(operation, context, "404");
        }

        foreach (var (status, response) in operation.Responses)
        {
            if (response is OpenApiResponse concrete && status.Length == 3 && status[0] is '4' or '5')
            {
                concrete.Description = StatusDescriptions.GetValueOrDefault(status, concrete.Description ?? status);
            }
        }

        if (operation.OperationId == IngestOperation)
        {
            OneRecordOrMany(operation);
        }

        DocumentConditionalRequests(operation, metadata);
        DocumentDataProvenance(operation, metadata);
        ContractEnums.ApplyTo(operation);
        return Task.CompletedTask;
    }

    /// <summary>The ingest body is one record or an array of up to <c>MaxItems</c> of them.</summary>
    private static void OneRecordOrMany(OpenApiOperation operation)
    {
        if (operation.RequestBody?.Content?.TryGetValue("application/json", out var media) != true
            || media!.Schema is not OpenApiSchema { Items: { } item } array)
        {
            return;
        }

        array.MinItems = 1;
        array.MaxItems = IngestDetectionRecordsCommand.MaxItems;
        media.Schema = new OpenApiSchema { OneOf = [item, array] };
        media.Example = new JsonObject
        {
            ["camera_id"] = "cam0",
            ["detected_at"] = "2026-11-20T12:00:00Z",
            ["person_count"] = 2,
            ["violations"] = new JsonArray(new JsonObject { ["violation_type"] = "no_mask", ["confidence"] = 0.91 }),
        };
        if (operation.RequestBody is OpenApiRequestBody body)
        {
            body.Required = true;
        }
    }

    /// <summary>The ETag header of an <see cref="ETagged"/> answer, and If-Match where a stale tag answers 412.</summary>
    private static void DocumentConditionalRequests(OpenApiOperation operation, IList<object> metadata)
    {
        if (metadata.OfType<ETagged>().Any() && operation.Responses!.TryGetValue("200", out var ok) && ok is OpenApiResponse answer)
        {
            answer.Headers ??= new Dictionary<string, IOpenApiHeader>();
            answer.Headers[HeaderNames.ETag] = new OpenApiHeader
            {
                Description = "Tag of this representation; send it as If-Match to change the resource only if it is unchanged.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            };
        }

        if (operation.Responses!.ContainsKey("412"))
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = HeaderNames.IfMatch,
                In = ParameterLocation.Header,
                Description = "Optional: the ETag the client last read; 412 when the resource has changed since.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
        }
    }

    /// <summary>X-Data-Source and Age of a <see cref="DataProvenanceTagged"/> answer (docs/operations.md, "Snapshots").</summary>
    private static void DocumentDataProvenance(OpenApiOperation operation, IList<object> metadata)
    {
        if (metadata.OfType<DataProvenanceTagged>().FirstOrDefault() is not { } tagged
            || !operation.Responses!.TryGetValue("200", out var ok) || ok is not OpenApiResponse answer)
        {
            return;
        }

        answer.Headers ??= new Dictionary<string, IOpenApiHeader>();
        answer.Headers[DataProvenanceFilter.DataSourceHeader] = new OpenApiHeader
        {
            Description = "Where the body's data came from: snapshot (a stored answer, refreshed in the background), "
                + "rollups (computed for this request from the rollups), raw (computed for this request from the rows; legacy path).",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [.. tagged.Sources.Select(s => (JsonNode)s)] },
        };
        answer.Headers[HeaderNames.Age] = new OpenApiHeader
        {
            Description = "Seconds since the body's data was read (RFC 9111); 0 when it was read for this request.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = "0" },
        };
    }

    private static void AddProblem(OpenApiOperation operation, OpenApiOperationTransformerContext context, string status)
    {
        if (operation.Responses!.ContainsKey(status))
        {
            return;
        }

        operation.Responses[status] = new OpenApiResponse
        {
            Description = StatusDescriptions[status],
            Content = new Dictionary<string, OpenApiMediaType>
            {
                [ProblemContentType] = new() { Schema = new OpenApiSchemaReference(ProblemSchema, context.Document) },
            },
        };
    }

    /// <summary>"api/v1/admin/dark-launch" → "DarkLaunch", so admin handlers of different areas get distinct ids.</summary>
    private static string AdminArea(string path)
    {
        var area = path.Split('/').ElementAtOrDefault(3) ?? string.Empty;
        return string.Concat(area.Split('-').Select(word => word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..]));
    }

    /// <summary>"StartPlan" → "Start plan".</summary>
    private static string Humanize(string name) =>
        string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : c.ToString()));
}
