using System.Text.Json;
using System.Text.Json.Serialization;

namespace CameraMonitor.Application.Rollout.Routing;

/// <summary>The wire format of the API (snake_case, nulls left out), shared by stored overrides and parity.</summary>
public static class RolloutJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
