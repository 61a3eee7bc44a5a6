using System.Text.Json;
using System.Text.Json.Nodes;
using CameraMonitor.Application.Rollout.Routing;

namespace CameraMonitor.Application.Rollout.DarkLaunch;

/// <summary>
/// What one implementation did with a command: its response as the API would serialise it (or the
/// business outcome it refused with, e.g. a conflict) and the rows it wrote (none when it refused).
/// </summary>
public sealed record DarkLaunchOutcome(JsonNode? Response, IReadOnlyList<CapturedWrite> Writes)
{
    public static DarkLaunchOutcome Of<TResponse>(TResponse response, IReadOnlyList<CapturedWrite> writes) =>
        new(JsonSerializer.SerializeToNode(response, RolloutJson.Options), writes);

    /// <summary>A refusal compares by its kind: both paths must answer 409, 404 or 400 alike.</summary>
    public static DarkLaunchOutcome Refused(Exception businessOutcome) =>
        new(new JsonObject { ["refused"] = businessOutcome.GetType().Name }, []);
}
