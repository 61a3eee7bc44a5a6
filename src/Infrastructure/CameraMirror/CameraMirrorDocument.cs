namespace CameraMonitor.Infrastructure.CameraMirror;

/// <summary>The whole file: <c>cameras:</c> followed by the list, ordered by id.</summary>
public sealed class CameraMirrorDocument
{
    public List<CameraMirrorEntry> Cameras { get; set; } = [];
}
