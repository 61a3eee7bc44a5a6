using CameraMonitor.Application.Cameras.GetCameraStats;
using CameraMonitor.Domain.Cameras;
using Dapper;

namespace CameraMonitor.Infrastructure.Persistence.ReadModels;

/// <summary>Sums a camera's hourly rollups (migration 0002): a few rows per hour instead of every raw row.</summary>
public sealed class CameraActivityReader(IDbSession session) : ICameraActivityReader
{
    private const string Sql = """
        SELECT coalesce(sum(detection_count), 0)::bigint AS detections,
               coalesce(sum(processing_ms_sum), 0) AS processing_ms_sum,
               max(last_detected_at) AS last_detection_at
          FROM detection_hourly_rollups WHERE camera_id = @CameraId;
        SELECT violation_type, status, sum(violation_count)::bigint AS count, sum(confidence_sum) AS confidence_sum
          FROM violation_hourly_rollups WHERE camera_id = @CameraId
         GROUP BY violation_type, status;
        """;

    public async Task<CameraActivityTotals> ReadTotalsAsync(CameraId cameraId, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(Sql,
            new { CameraId = cameraId.Value }, session.Transaction, cancellationToken: cancellationToken));
        var detections = await results.ReadSingleAsync<DetectionSums>();
        var violations = (await results.ReadAsync<ViolationSums>()).ToList();
        return new CameraActivityTotals(detections.Detections, detections.ProcessingMsSum, detections.LastDetectionAt,
            violations.Sum(v => v.ConfidenceSum),
            violations.Select(v => new ViolationCount(v.ViolationType, v.Status, v.Count)).ToList());
    }

    private sealed record DetectionSums(long Detections, double ProcessingMsSum, DateTime? LastDetectionAt);

    private sealed record ViolationSums(string ViolationType, string Status, long Count, double ConfidenceSum);
}
