using CameraMonitor.Application.Detections;
using CameraMonitor.Application.Detections.ListDetectionRecords;
using CameraMonitor.Application.Rollout.Routing;
using CameraMonitor.Domain.Common;
using CameraMonitor.Infrastructure.Persistence;
using CameraMonitor.Infrastructure.Persistence.Ingest;
using CameraMonitor.Infrastructure.Persistence.Repositories;

namespace CameraMonitor.Infrastructure.Legacy.Detections;

/// <summary>Legacy path: the page and its count straight from SQL into the DTOs, no aggregate involved.</summary>
public sealed class ListDetectionRecordsLegacyHandler(IDbSession session)
    : ILegacyHandler<ListDetectionRecordsQuery, ListDetectionRecordsResponse>
{
    public async Task<ListDetectionRecordsResponse> Handle(ListDetectionRecordsQuery request,
        CancellationToken cancellationToken)
    {
        var rows = await DetectionRecordSql.QueryPageAsync(session, request.CameraId, request.StartTime,
            request.EndTime, request.Limit, request.Offset, PageCursor.TryParse(request.After), cancellationToken);
        var total = await DetectionRecordSql.CountAsync(session, request.CameraId, request.StartTime, request.EndTime,
            cancellationToken);
        var records = rows.Select(r => new DetectionRecordDto(r.Id, r.CameraId, r.DetectedAt, r.PersonCount,
            DetectionObjectsJson.Deserialize(r.Objects), r.ProcessingMs, r.ViolationCount)).ToList();
        return new ListDetectionRecordsResponse(request.CameraId, records, total, request.Limit, request.Offset,
            PageCursor.After(rows, request.Limit, r => new DateTimeOffset(r.DetectedAt, TimeSpan.Zero), r => r.Id));
    }
}
