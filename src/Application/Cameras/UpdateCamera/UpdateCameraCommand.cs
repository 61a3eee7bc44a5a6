using System.Text.Json.Serialization;
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
    string? Status) : ICommand<CameraWriteResponse>;
