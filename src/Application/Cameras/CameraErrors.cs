using CameraMonitor.Application.Common.Errors;

namespace CameraMonitor.Application.Cameras;

/// <summary>The business outcomes of camera use cases, worded once so both paths answer the same text.</summary>
public static class CameraErrors
{
    public const string Resource = "Camera";

    public static NotFoundException NotFound(string cameraId) => new(Resource, cameraId);

    public static ConflictException AlreadyExists(string cameraId) =>
        new($"Camera '{cameraId}' already exists; choose another id or update it with PUT.");
}
