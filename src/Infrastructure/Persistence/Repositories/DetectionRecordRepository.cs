using CameraMonitor.Application.Detections;
using CameraMonitor.Domain.Cameras;
using CameraMonitor.Domain.Common;
using CameraMonitor.Domain.Detections;
using CameraMonitor.Infrastructure.Persistence.Ingest;
using Dapper;

namespace CameraMonitor.Infrastructure.Persistence.Repositories;

public sealed class DetectionRecordRepository(IDbSession session, TimeProvider clock) : IDetectionRecordRepository
{
    /// <summary>How far below the page's upper end the first, bounded read looks (see <see cref="RecentPageAsync"/>).</summary>
    private static readonly TimeSpan RecentSpan = TimeSpan.FromDays(1);

    public Task<IReadOnlyList<long>> AddRangeAsync(IReadOnlyList<DetectionRecord> records,
        CancellationToken cancellationToken) =>
        DetectionIngestWriter.WriteAsync(session, records.Select(ToRow).ToList(), cancellationToken);

    public async Task<DetectionRecordPage> ListByCameraAsync(CameraId cameraId, DateTimeOffset? from, DateTimeOffset? to,
        int limit, int offset, PageCursor? after, CancellationToken cancellationToken)
    {
        var rows = await RecentPageAsync(cameraId.Value, from, to, limit, offset, after, cancellationToken)
            ?? await DetectionRecordSql.QueryPageAsync(session, cameraId.Value, from, to, limit, offset, after, cancellationToken);
        var total = await DetectionRecordSql.CountFromRollupsAsync(session, cameraId.Value, from, to, cancellationToken);
        return new DetectionRecordPage(rows.Select(ToDomain).ToList(), total);
    }

    /// <summary>
    /// A page is newest first, so an active camera's page lies within a day below its upper end (the cursor, end_time or
    /// now). Reading that day first lets PostgreSQL prune to its one or two daily partitions instead of planning and
    /// probing every partition kept (docs/performance.md, "100 M records"). Rows outside the day are all older than the
    /// rows in it, so a full page from the day is the page; otherwise (a quiet camera, a deep offset) null, and the page
    /// is read without the bound.
    /// </summary>
    private async Task<IReadOnlyList<DetectionRecordRow>?> RecentPageAsync(string cameraId, DateTimeOffset? from,
        DateTimeOffset? to, int limit, int offset, PageCursor? after, CancellationToken cancellationToken)
    {
        var upper = Earliest(Earliest(clock.GetUtcNow(), to), after?.DetectedAt);
        var recentFrom = upper - RecentSpan;
        if (from >= recentFrom)
        {
            return null; // the request is bounded as tightly already
        }

        var rows = await DetectionRecordSql.QueryPageAsync(session, cameraId, recentFrom, to, limit, offset, after,
            cancellationToken);
        return rows.Count == limit ? rows : null;
    }

    private static DateTimeOffset Earliest(DateTimeOffset value, DateTimeOffset? other) =>
        other is { } bound && bound < value ? bound : value;

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
