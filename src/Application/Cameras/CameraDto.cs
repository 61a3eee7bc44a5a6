using CameraMonitor.Domain.Cameras;

namespace CameraMonitor.Application.Cameras;

/// <summary>A camera as the API shows it (snake_case on the wire, times in UTC).</summary>
public sealed record CameraDto(
    string Id,
    string Name,
    string Location,
    string SourceUrl,
    bool Enabled,
    string Status,
    DateTime CreatedAt,
    DateTime UpdatedAt)
{
    public static CameraDto FromDomain(Camera camera) => new(
        camera.Id.Value,
        camera.Name,
        camera.Location,
        camera.SourceUrl,
        camera.Enabled,
        camera.Status.ToName(),
        camera.CreatedAt.UtcDateTime,
        camera.UpdatedAt.UtcDateTime);
}
