using CameraMonitor.Domain.Cameras;
using MediatR;

namespace CameraMonitor.Application.Cameras.GetCameraStats;

/// <summary>Domain path: the camera must exist as an aggregate; the numbers come from the hourly rollups.</summary>
public sealed class GetCameraStatsHandler(ICameraRepository cameras, ICameraActivityReader activity)
    : IRequestHandler<GetCameraStatsQuery, CameraStatsResponse>
{
    public async Task<CameraStatsResponse> Handle(GetCameraStatsQuery request, CancellationToken cancellationToken)
    {
        var id = CameraId.From(request.CameraId);
        _ = await cameras.FindAsync(id, cancellationToken) ?? throw CameraErrors.NotFound(id.Value);
        var totals = await activity.ReadTotalsAsync(id, cancellationToken);
        var violationCount = totals.Violations.Sum(v => v.Count);
        return CameraStatsResponse.Create(id.Value, totals.Detections,
            totals.Detections == 0 ? null : totals.ProcessingMsSum / totals.Detections,
            totals.LastDetectionAt, totals.Violations,
            violationCount == 0 ? null : totals.ConfidenceSum / violationCount);
    }
}
