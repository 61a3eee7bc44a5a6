using System.Text.Json.Nodes;
using CameraMonitor.Application.Alerts;
using CameraMonitor.Application.Cameras;
using CameraMonitor.Application.Cameras.CreateCamera;
using CameraMonitor.Application.Cameras.UpdateCamera;
using CameraMonitor.Application.Detections.IngestDetectionRecords;
using CameraMonitor.Application.Violations;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CameraMonitor.Api.OpenApi;

/// <summary>
/// Request schemas that accept exactly what the handlers accept (the generator marks every constructor parameter
/// required, although the validators treat most as optional), enums for statuses and severities, and examples.
/// </summary>
public sealed class ContractSchemaTransformer : IOpenApiSchemaTransformer
{
    /// <summary>The members a request must carry; every other member is optional (its default is documented on the type).</summary>
    private static readonly Dictionary<Type, string[]> RequiredMembers = new()
    {
        [typeof(CreateCameraCommand)] = ["id", "name", "source_url"],
        [typeof(UpdateCameraCommand)] = [],
        [typeof(DetectionRecordInput)] = ["camera_id", "detected_at"],
        [typeof(ViolationInput)] = ["violation_type"],
    };

    /// <summary>Members that the route fills in, never the body.</summary>
    private static readonly Dictionary<Type, string[]> RouteMembers = new()
    {
        [typeof(UpdateCameraCommand)] = ["camera_id"],
    };

    private static readonly Type[] CameraTypes = [typeof(CameraDto), typeof(CreateCameraCommand), typeof(UpdateCameraCommand)];
    private static readonly Type[] EnumTypes = [.. CameraTypes, typeof(ViolationDto), typeof(AlertDto), typeof(AlertRuleDto)];

    private static readonly Dictionary<Type, JsonObject> Examples = new()
    {
        [typeof(CreateCameraCommand)] = new JsonObject
        {
            ["id"] = "gate-north",
            ["name"] = "North gate",
            ["location"] = "Building A",
            ["source_url"] = "rtsp://10.0.0.21/stream1",
        },
        [typeof(UpdateCameraCommand)] = new JsonObject { ["status"] = "online" },
    };

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context,
        CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        if (schema.Properties is null)
        {
            return Task.CompletedTask;
        }

        if (typeof(Microsoft.AspNetCore.Mvc.ProblemDetails).IsAssignableFrom(type) || typeof(HttpValidationProblemDetails).IsAssignableFrom(type))
        {
            // RFC 9457 problem details are extensible (trace_id, and the fault problems' own members): the serializer's
            // refusal of unknown members applies to requests, not to these answers.
            schema.AdditionalPropertiesAllowed = true;
            schema.AdditionalProperties = null;
            schema.Properties["trace_id"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "W3C trace id of the request, for support." };
        }

        foreach (var member in RouteMembers.GetValueOrDefault(type, []))
        {
            schema.Properties.Remove(member);
        }

        if (RequiredMembers.TryGetValue(type, out var required))
        {
            schema.Required = new HashSet<string>(required, StringComparer.Ordinal);
        }

        if (EnumTypes.Contains(type))
        {
            var cameras = CameraTypes.Contains(type);
            foreach (var (name, property) in schema.Properties)
            {
                if (name != "period" && property is OpenApiSchema concrete && ContractEnums.ValuesOf(name, cameras) is { } values)
                {
                    ContractEnums.Restrict(concrete, values);
                }
            }
        }

        if (Examples.TryGetValue(type, out var example))
        {
            schema.Examples = [example.DeepClone()];
        }

        return Task.CompletedTask;
    }
}
