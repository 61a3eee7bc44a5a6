using CameraMonitor.Domain.Cameras;

namespace CameraMonitor.Application.Cameras.GetCameraStats;

/// <summary>Read model of the domain path: totals from the hourly rollups, not a scan of every raw row.</summary>
public interface ICameraActivityReader
{
    Task<CameraActivityTotals> ReadTotalsAsync(CameraId cameraId, CancellationToken cancellationToken);
}
