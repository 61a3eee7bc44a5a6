using System.Text.Json.Serialization;
using CameraMonitor.Application.Common.Concurrency;
using CameraMonitor.Application.Common.Messaging;

namespace CameraMonitor.Application.Cameras.UpdateCamera;

/// <summary>
/// PUT /api/v1/cameras/{camera_id}: a partial update. A field left out (or sent as null) keeps its value;
/// <c>location</c> may be cleared with "". The id itself cannot change: it comes from the route, and a
/// <c>camera_id</c> in the body is an unknown member (400), not silently ignored.
/// </summary>
public sealed record UpdateCameraCommand(
    [property: JsonIgnore] string? CameraId,
    string? Name,
    string? Location,
    string? SourceUrl,
    bool? Enabled,
    string? Status) : ICommand<CameraWriteResponse>
{
    /// <summary>Who is calling (set by the API from the principal, never from the body); stored as updated_by.</summary>
    [JsonIgnore]
    public string? Actor { get; init; }

    /// <summary>From If-Match (set by the API, never from the body): change the camera only if it is still at one of these versions.</summary>
    [JsonIgnore]
    public VersionPrecondition? IfMatch { get; init; }
}
