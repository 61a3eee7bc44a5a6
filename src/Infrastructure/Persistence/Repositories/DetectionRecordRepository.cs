using CameraMonitor.Application.Detections;
using CameraMonitor.Domain.Cameras;
using CameraMonitor.Domain.Common;
using CameraMonitor.Domain.Detections;
using CameraMonitor.Infrastructure.Persistence.Ingest;
using Dapper;

namespace CameraMonitor.Infrastructure.Persistence.Repositories;

public sealed class DetectionRecordRepository(IDbSession session) : IDetectionRecordRepository
{
    public Task<IReadOnlyList<long>> AddRangeAsync(IReadOnlyList<DetectionRecord> records,
        CancellationToken cancellationToken) =>
        DetectionIngestWriter.WriteAsync(session, records.Select(ToRow).ToList(), cancellationToken);

    public async Task<DetectionRecordPage> ListByCameraAsync(CameraId cameraId, DateTimeOffset? from, DateTimeOffset? to,
        int limit, int offset, PageCursor? after, CancellationToken cancellationToken)
    {
        var rows = await DetectionRecordSql.QueryPageAsync(session, cameraId.Value, from, to, limit, offset, after,
            cancellationToken);
        var total = await DetectionRecordSql.CountFromRollupsAsync(session, cameraId.Value, from, to, cancellationToken);
        return new DetectionRecordPage(rows.Select(ToDomain).ToList(), total);
    }

    public async Task<IReadOnlyList<long>> CountViolationsAsync(IReadOnlyList<ViolationWindow> windows,
        CancellationToken cancellationToken)
    {
        if (windows.Count == 0)
        {
            return [];
        }

        var connection = await session.ConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<long>(new CommandDefinition(DetectionRecordSql.CountViolationsInWindows, new
        {
            Cameras = windows.Select(w => w.CameraId.Value).ToArray(),
            Types = windows.Select(w => w.ViolationType).ToArray(),
            Afters = windows.Select(w => w.After.UtcDateTime).ToArray(),
            UpTos = windows.Select(w => w.UpTo.UtcDateTime).ToArray(),
        }, session.Transaction, cancellationToken: cancellationToken))).ToList();
    }

    private static IngestRecordRow ToRow(DetectionRecord record) => new(
        record.CameraId.Value,
        record.DetectedAt.UtcDateTime,
        record.PersonCount,
        DetectionObjectsJson.Serialize(record.Objects.Select(DetectedObjectDto.FromDomain)),
        record.ProcessingMs,
        record.Violations.Select(v => new IngestViolationRow(v.ViolationType, v.Confidence, v.SnapshotPath)).ToList());

    private static DetectionRecord ToDomain(DetectionRecordRow row) => DetectionRecord.Rehydrate(
        row.Id,
        CameraId.From(row.CameraId),
        new DateTimeOffset(row.DetectedAt, TimeSpan.Zero),
        row.PersonCount,
        DetectionObjectsJson.Deserialize(row.Objects).Select(o => DetectedObject.Create(o.Class, o.Confidence, o.Bbox)).ToList(),
        row.ProcessingMs,
        row.ViolationCount);
}
