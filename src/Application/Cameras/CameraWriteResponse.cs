namespace CameraMonitor.Application.Cameras;

/// <summary>Answer of a camera create or update: <c>{ok:true, camera}</c> with the camera as stored.</summary>
public sealed record CameraWriteResponse(bool Ok, CameraDto Camera)
{
    public static CameraWriteResponse Of(CameraDto camera) => new(true, camera);
}
