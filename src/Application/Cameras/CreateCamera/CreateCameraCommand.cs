using System.Text.Json.Serialization;
using CameraMonitor.Application.Common.Messaging;

namespace CameraMonitor.Application.Cameras.CreateCamera;

/// <summary>
/// POST /api/v1/cameras. <c>id</c>, <c>name</c> and <c>source_url</c> are required; <c>location</c> defaults
/// to empty, <c>enabled</c> to true and <c>status</c> to unknown.
/// </summary>
public sealed record CreateCameraCommand(
    string? Id,
    string? Name,
    string? Location,
    string? SourceUrl,
    bool? Enabled,
    string? Status) : ICommand<CameraWriteResponse>
{
    public const bool DefaultEnabled = true;
    public const string DefaultStatus = "unknown";

    /// <summary>Who is calling (set by the API from the principal, never from the body); stored as created_by.</summary>
    [JsonIgnore]
    public string? Actor { get; init; }
}
