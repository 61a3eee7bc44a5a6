using CameraMonitor.Application.Cameras;
using CameraMonitor.Application.Cameras.GetCameraStats;
using CameraMonitor.Application.Rollout.Routing;
using CameraMonitor.Infrastructure.Persistence;
using Dapper;

namespace CameraMonitor.Infrastructure.Legacy.Cameras;

/// <summary>Legacy path: aggregates straight over the raw detection_records and violations tables.</summary>
public sealed class GetCameraStatsLegacyHandler(IDbSession session) : ILegacyHandler<GetCameraStatsQuery, CameraStatsResponse>
{
    private const string Sql = """
        SELECT EXISTS (SELECT 1 FROM cameras WHERE id = @CameraId);
        SELECT count(*) AS detections, avg(processing_ms) AS avg_processing_ms, max(detected_at) AS last_detection_at
          FROM detection_records WHERE camera_id = @CameraId;
        SELECT avg(confidence) FROM violations WHERE camera_id = @CameraId;
        SELECT violation_type, status, count(*) AS count
          FROM violations WHERE camera_id = @CameraId
         GROUP BY violation_type, status;
        """;

    public async Task<CameraStatsResponse> Handle(GetCameraStatsQuery request, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(Sql,
            new { request.CameraId }, session.Transaction, cancellationToken: cancellationToken));
        if (!await results.ReadSingleAsync<bool>())
        {
            throw CameraErrors.NotFound(request.CameraId!);
        }

        var detections = await results.ReadSingleAsync<DetectionAggregate>();
        var avgConfidence = await results.ReadSingleAsync<double?>();
        var violations = (await results.ReadAsync<ViolationCount>()).ToList();
        return CameraStatsResponse.Create(request.CameraId!, detections.Detections, detections.AvgProcessingMs,
            detections.LastDetectionAt, violations, avgConfidence);
    }

    private sealed record DetectionAggregate(long Detections, double? AvgProcessingMs, DateTime? LastDetectionAt);
}
