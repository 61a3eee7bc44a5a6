using CameraMonitor.Application.Cameras;
using CameraMonitor.Domain.Cameras;
using CameraMonitor.Domain.Common;
using CameraMonitor.Domain.Detections;
using MediatR;

namespace CameraMonitor.Application.Detections.ListDetectionRecords;

/// <summary>
/// Domain path: the page comes back as records through the repository and is mapped to DTOs; the total comes
/// from the rollups (exact), so neither a deep page (with a cursor) nor the count scans the camera's rows. A camera is
/// known while it has a row or any record (a deleted camera's records stay readable); otherwise 404, as on every endpoint.
/// </summary>
public sealed class ListDetectionRecordsHandler(IDetectionRecordRepository records, ICameraRepository cameras)
    : IRequestHandler<ListDetectionRecordsQuery, ListDetectionRecordsResponse>
{
    public async Task<ListDetectionRecordsResponse> Handle(ListDetectionRecordsQuery request,
        CancellationToken cancellationToken)
    {
        var page = await records.ListByCameraAsync(CameraId.From(request.CameraId), request.StartTime?.ToUniversalTime(),
            request.EndTime?.ToUniversalTime(), request.Limit, request.Offset, PageCursor.TryParse(request.After),
            cancellationToken);
        if (page.Total == 0 && !await IsKnownAsync(CameraId.From(request.CameraId), cancellationToken))
        {
            throw CameraErrors.NotFound(request.CameraId);
        }

        return new ListDetectionRecordsResponse(request.CameraId,
            page.Records.Select(DetectionRecordDto.FromDomain).ToList(), page.Total, request.Limit, request.Offset,
            PageCursor.After(page.Records, request.Limit, r => r.DetectedAt, r => r.Id));
    }

    private async Task<bool> IsKnownAsync(CameraId camera, CancellationToken cancellationToken) =>
        await cameras.FindAsync(camera, cancellationToken) is not null
        || (await records.ListByCameraAsync(camera, null, null, 1, 0, null, cancellationToken)).Total > 0;
}
