using CameraMonitor.Domain.Cameras;
using CameraMonitor.Domain.Common;

namespace CameraMonitor.Domain.Detections;

public interface IDetectionRecordRepository
{
    /// <summary>Stores the records with their violations (all or nothing) and returns their ids in input order.</summary>
    Task<IReadOnlyList<long>> AddRangeAsync(IReadOnlyList<DetectionRecord> records, CancellationToken cancellationToken);

    /// <summary>
    /// Newest first (detected_at desc, id desc), within [from, to] when given, after the keyset cursor when
    /// given; the total counts the whole filtered set.
    /// </summary>
    Task<DetectionRecordPage> ListByCameraAsync(CameraId cameraId, DateTimeOffset? from, DateTimeOffset? to, int limit,
        int offset, PageCursor? after, CancellationToken cancellationToken);

    /// <summary>The violations in each window, in the windows' order, counted in one round trip.</summary>
    Task<IReadOnlyList<long>> CountViolationsAsync(IReadOnlyList<ViolationWindow> windows,
        CancellationToken cancellationToken);
}
