using CameraMonitor.Application.Statistics.Common;
using Dapper;

namespace CameraMonitor.Infrastructure.Persistence.Statistics;

/// <summary>
/// Runs one <see cref="StatisticsSql"/> set. The domain path gets it over the rollups (registered as
/// <see cref="IStatisticsReadModel"/>); the legacy handlers build it over the raw tables. The raw-only
/// parts (p95 latency, silent gaps of one camera) are the same SQL for both.
/// </summary>
public sealed class SqlStatisticsReadModel(IDbSession session, StatisticsSql sql) : IStatisticsReadModel
{
    private const string P95Sql = """
        SELECT percentile_cont(0.95) WITHIN GROUP (ORDER BY processing_ms)
          FROM detection_records
         WHERE camera_id = @CameraId AND detected_at >= @Start AND detected_at < @End
        """;

    // The window's start and the gap end act as detections, so silence at either edge counts too.
    private const string GapsSql = """
        WITH points AS (
            SELECT @Start::timestamptz AS at
            UNION ALL
            SELECT detected_at FROM detection_records
             WHERE camera_id = @CameraId AND detected_at >= @Start AND detected_at < @GapEnd
            UNION ALL
            SELECT @GapEnd::timestamptz
        ), steps AS (
            SELECT lag(at) OVER (ORDER BY at) AS gap_start, at AS gap_end FROM points
        )
        SELECT gap_start, gap_end FROM steps
         WHERE gap_end - gap_start > make_interval(mins => @GapMinutes)
         ORDER BY gap_start
         LIMIT @MaxGaps
        """;

    public async Task<IReadOnlyList<DetectionTotals>> DetectionTotalsAsync(HourWindow window, string? cameraId,
        CancellationToken cancellationToken) =>
        await QueryAsync<DetectionTotals>(sql.DetectionTotals, new { window.Start, window.End, CameraId = cameraId },
            cancellationToken);

    public async Task<IReadOnlyList<ViolationTotals>> ViolationTotalsAsync(HourWindow window, string? cameraId,
        CancellationToken cancellationToken) =>
        await QueryAsync<ViolationTotals>(sql.ViolationTotals, new { window.Start, window.End, CameraId = cameraId },
            cancellationToken);

    public async Task<IReadOnlyList<ViolationCountByTime>> DailyViolationCountsAsync(HourWindow window,
        CancellationToken cancellationToken) =>
        await QueryAsync<ViolationCountByTime>(sql.DailyViolationCounts, new { window.Start, window.End },
            cancellationToken);

    public async Task<IReadOnlyList<ViolationCountByTime>> HourlyViolationCountsAsync(HourWindow window,
        string cameraId, CancellationToken cancellationToken) =>
        await QueryAsync<ViolationCountByTime>(sql.HourlyViolationCounts,
            new { window.Start, window.End, CameraId = cameraId }, cancellationToken);

    public async Task<CameraActivity> CameraActivityAsync(HourWindow window, string cameraId, DateTime now,
        int gapMinutes, int maxGaps, CancellationToken cancellationToken)
    {
        // Silence cannot be judged past "now"; a window entirely in the future has no gaps.
        var gapEnd = now < window.End ? now : window.End;
        gapEnd = gapEnd < window.Start ? window.Start : gapEnd;
        var connection = await session.ConnectionAsync(cancellationToken);
        var p95 = await connection.ExecuteScalarAsync<double?>(new CommandDefinition(P95Sql,
            new { window.Start, window.End, CameraId = cameraId }, session.Transaction,
            cancellationToken: cancellationToken));
        var gaps = await QueryAsync<DetectionGap>(GapsSql, new
        {
            window.Start,
            GapEnd = DateTime.SpecifyKind(gapEnd, DateTimeKind.Utc),
            CameraId = cameraId,
            GapMinutes = gapMinutes,
            MaxGaps = maxGaps,
        }, cancellationToken);
        return new CameraActivity(p95, gaps);
    }

    public async Task<IReadOnlyList<string>> CameraIdsAsync(CancellationToken cancellationToken) =>
        await QueryAsync<string>("SELECT id FROM cameras", null, cancellationToken);

    private async Task<IReadOnlyList<T>> QueryAsync<T>(string text, object? parameters,
        CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<T>(new CommandDefinition(text, parameters, session.Transaction,
            cancellationToken: cancellationToken))).ToList();
    }
}
