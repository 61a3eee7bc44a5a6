using System.Text.Json.Nodes;
using CameraMonitor.Application.Statistics.Common;
using CameraMonitor.Domain.Alerts;
using CameraMonitor.Domain.Cameras;
using CameraMonitor.Domain.Violations;
using Microsoft.OpenApi;

namespace CameraMonitor.Api.OpenApi;

/// <summary>
/// The closed sets of values the service accepts and answers, taken from the code that validates them, so the
/// document can never list a value the service refuses. Camera "status" and violation "status" share a name,
/// so the camera set applies where the operation or schema belongs to cameras.
/// </summary>
public static class ContractEnums
{
    public static void ApplyTo(OpenApiOperation operation)
    {
        var cameras = operation.Tags?.Any(tag => tag.Name == "Cameras") == true;
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            if (parameter.Schema is OpenApiSchema schema && ValuesOf(parameter.Name, cameras) is { } values)
            {
                Restrict(schema, values);
            }
        }
    }

    /// <summary>The allowed values of a member or parameter called <paramref name="name"/>; null when it is open.</summary>
    public static IReadOnlyCollection<string>? ValuesOf(string? name, bool cameras) => name switch
    {
        "status" => cameras ? CameraStatusNames.All : ViolationStatusNames.All,
        "severity" => AlertSeverityNames.All,
        "period" => StatisticsPeriods.All,
        _ => null,
    };

    /// <summary>Lists the values as an enum; a nullable schema keeps null among them.</summary>
    public static void Restrict(OpenApiSchema schema, IReadOnlyCollection<string> values)
    {
        if (schema.Type is { } type && !type.HasFlag(JsonSchemaType.String))
        {
            return;
        }

        schema.Enum = [.. values.Select(value => (JsonNode)JsonValue.Create(value))];
        if (schema.Type?.HasFlag(JsonSchemaType.Null) == true)
        {
            schema.Enum.Add(null!);
        }
    }
}
