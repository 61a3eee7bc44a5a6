using CameraMonitor.Application.Cameras;
using CameraMonitor.Application.Detections;
using CameraMonitor.Application.Detections.ListDetectionRecords;
using CameraMonitor.Application.Rollout.Routing;
using CameraMonitor.Domain.Common;
using CameraMonitor.Infrastructure.Persistence;
using CameraMonitor.Infrastructure.Persistence.Ingest;
using CameraMonitor.Infrastructure.Persistence.Repositories;
using Dapper;

namespace CameraMonitor.Infrastructure.Legacy.Detections;

/// <summary>
/// Legacy path: the page and its count straight from SQL into the DTOs, no aggregate involved; an empty page of a
/// camera that has neither a row nor any record is a 404 (same rule as the domain path).
/// </summary>
public sealed class ListDetectionRecordsLegacyHandler(IDbSession session)
    : ILegacyHandler<ListDetectionRecordsQuery, ListDetectionRecordsResponse>
{
    private const string KnownCameraSql = """
        SELECT EXISTS (SELECT 1 FROM cameras WHERE id = @Id) OR EXISTS (SELECT 1 FROM detection_records WHERE camera_id = @Id)
        """;

    public async Task<ListDetectionRecordsResponse> Handle(ListDetectionRecordsQuery request,
        CancellationToken cancellationToken)
    {
        var rows = await DetectionRecordSql.QueryPageAsync(session, request.CameraId, request.StartTime,
            request.EndTime, request.Limit, request.Offset, PageCursor.TryParse(request.After), cancellationToken);
        var total = await DetectionRecordSql.CountAsync(session, request.CameraId, request.StartTime, request.EndTime,
            cancellationToken);
        if (total == 0 && !await IsKnownAsync(request.CameraId, cancellationToken))
        {
            throw CameraErrors.NotFound(request.CameraId);
        }

        var records = rows.Select(r => new DetectionRecordDto(r.Id, r.CameraId, r.DetectedAt, r.PersonCount,
            DetectionObjectsJson.Deserialize(r.Objects), r.ProcessingMs, r.ViolationCount)).ToList();
        return new ListDetectionRecordsResponse(request.CameraId, records, total, request.Limit, request.Offset,
            PageCursor.After(rows, request.Limit, r => new DateTimeOffset(r.DetectedAt, TimeSpan.Zero), r => r.Id));
    }

    private async Task<bool> IsKnownAsync(string cameraId, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition(KnownCameraSql, new { Id = cameraId },
            session.Transaction, cancellationToken: cancellationToken));
    }
}
