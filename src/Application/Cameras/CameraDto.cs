using System.Text.Json.Serialization;
using CameraMonitor.Application.Common.Concurrency;
using CameraMonitor.Domain.Cameras;

namespace CameraMonitor.Application.Cameras;

/// <summary>
/// A camera as the API shows it (snake_case on the wire, times in UTC); created_by and updated_by name the
/// principals that wrote it (null for cameras older than that record). Version is not in the body: it is the ETag
/// of a single-camera GET.
/// </summary>
public sealed record CameraDto(
    string Id,
    string Name,
    string Location,
    string SourceUrl,
    bool Enabled,
    string Status,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    string? CreatedBy,
    string? UpdatedBy,
    [property: JsonIgnore] long Version) : IVersionedRepresentation
{
    public static CameraDto FromDomain(Camera camera) => new(
        camera.Id.Value,
        camera.Name,
        camera.Location,
        camera.SourceUrl,
        camera.Enabled,
        camera.Status.ToName(),
        camera.CreatedAt.UtcDateTime,
        camera.UpdatedAt.UtcDateTime,
        camera.CreatedBy,
        camera.UpdatedBy,
        camera.Version);
}
