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

    /// <summary>Violations of a camera (of one type, or any when null) detected in (after, upTo].</summary>
    Task<long> CountViolationsAsync(CameraId cameraId, string? violationType, DateTimeOffset after, DateTimeOffset upTo,
        CancellationToken cancellationToken);
}
