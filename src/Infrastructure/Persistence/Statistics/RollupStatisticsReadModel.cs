using CameraMonitor.Application.Statistics.Common;
using Dapper;
using Microsoft.Extensions.Options;

namespace CameraMonitor.Infrastructure.Persistence.Statistics;

/// <summary>
/// The domain path's statistics, flat in the number of detections: whole days of a window come from the daily
/// rollups, its remaining hours from the hourly ones (<see cref="RollupRange"/>). p95 comes from the rollups'
/// processing_ms histogram once the window holds more than a few thousand detections, and silent gaps of an
/// hour or more from the first/last detection of each camera-hour, refined from raw rows only in the partial
/// hour before "now". Shorter gap settings and small windows fall back to the raw queries of
/// <see cref="SqlStatisticsReadModel"/>, whose answers these equal.
/// </summary>
public sealed class RollupStatisticsReadModel(IDbSession session, SqlStatisticsReadModel raw,
    IOptions<StatisticsOptions> options) : IStatisticsReadModel
{
    private const string CameraFilter = " AND (@CameraId::text IS NULL OR camera_id = @CameraId)";
    private const string HourlyPart = " WHERE ((hour >= @HourFrom AND hour < @DayFrom) OR (hour >= @DayTo AND hour < @HourTo))";
    private const string DailyPart = " WHERE day >= @DayFrom AND day < @DayTo";

    private const string DetectionTotalsSql = """
        SELECT camera_id, sum(detection_count)::bigint AS detection_count, sum(person_count_sum)::bigint AS person_count,
               sum(processing_ms_sum) AS processing_ms_sum, max(last_detected_at) AS last_detected_at
          FROM (SELECT camera_id, detection_count, person_count_sum, processing_ms_sum, last_detected_at
                  FROM detection_hourly_rollups
        """ + HourlyPart + CameraFilter + """

                UNION ALL
                SELECT camera_id, detection_count, person_count_sum, processing_ms_sum, last_detected_at
                  FROM detection_daily_rollups
        """ + DailyPart + CameraFilter + """
        ) AS r
         GROUP BY camera_id
        """;

    private const string ViolationTotalsSql = """
        SELECT camera_id, violation_type, status, sum(violation_count)::bigint AS violation_count,
               sum(confidence_sum) AS confidence_sum
          FROM (SELECT camera_id, violation_type, status, violation_count, confidence_sum FROM violation_hourly_rollups
        """ + HourlyPart + CameraFilter + """

                UNION ALL
                SELECT camera_id, violation_type, status, violation_count, confidence_sum FROM violation_daily_rollups
        """ + DailyPart + CameraFilter + """
        ) AS r
         GROUP BY camera_id, violation_type, status
        """;

    private const string DailyViolationCountsSql = """
        SELECT bucket, violation_type, sum(violation_count)::bigint AS violation_count
          FROM (SELECT date_trunc('day', hour, 'UTC') AS bucket, violation_type, violation_count FROM violation_hourly_rollups
        """ + HourlyPart + """

                UNION ALL
                SELECT day, violation_type, violation_count FROM violation_daily_rollups
        """ + DailyPart + """
        ) AS r
         GROUP BY 1, 2
        """;

    private const string HourlyViolationCountsSql = """
        SELECT hour AS bucket, violation_type, sum(violation_count)::bigint AS violation_count
          FROM violation_hourly_rollups
         WHERE hour >= @HourFrom AND hour < @HourTo AND camera_id = @CameraId
         GROUP BY 1, 2
        """;

    private const string HistogramSql = """
        SELECT (u.slot - 1)::int AS bucket, sum(u.n)::bigint AS count
          FROM (SELECT processing_ms_histogram AS h FROM detection_hourly_rollups
        """ + HourlyPart + " AND camera_id = @CameraId" + """

                UNION ALL
                SELECT processing_ms_histogram FROM detection_daily_rollups
        """ + DailyPart + " AND camera_id = @CameraId" + """
        ) AS r
         CROSS JOIN LATERAL unnest(r.h) WITH ORDINALITY AS u (n, slot)
         GROUP BY u.slot
        HAVING sum(u.n) > 0
         ORDER BY u.slot
        """;

    private const string HoursSql = """
        SELECT first_detected_at, last_detected_at FROM detection_hourly_rollups
         WHERE camera_id = @CameraId AND hour >= @Start AND hour < @End
         ORDER BY hour
        """;

    private const string PartialHourSql = """
        SELECT min(detected_at), max(detected_at) FROM detection_records
         WHERE camera_id = @CameraId AND detected_at >= @Start AND detected_at < @End
        """;

    public async Task<IReadOnlyList<DetectionTotals>> DetectionTotalsAsync(HourWindow window, string? cameraId,
        CancellationToken cancellationToken) =>
        await QueryAsync<DetectionTotals>(DetectionTotalsSql, Parameters(window, cameraId), cancellationToken);

    public async Task<IReadOnlyList<ViolationTotals>> ViolationTotalsAsync(HourWindow window, string? cameraId,
        CancellationToken cancellationToken) =>
        await QueryAsync<ViolationTotals>(ViolationTotalsSql, Parameters(window, cameraId), cancellationToken);

    public async Task<IReadOnlyList<ViolationCountByTime>> DailyViolationCountsAsync(HourWindow window,
        CancellationToken cancellationToken) =>
        await QueryAsync<ViolationCountByTime>(DailyViolationCountsSql, Parameters(window, null), cancellationToken);

    public async Task<IReadOnlyList<ViolationCountByTime>> HourlyViolationCountsAsync(HourWindow window,
        string cameraId, CancellationToken cancellationToken) =>
        await QueryAsync<ViolationCountByTime>(HourlyViolationCountsSql, Parameters(window, cameraId), cancellationToken);

    public async Task<CameraActivity> CameraActivityAsync(HourWindow window, string cameraId, DateTime now,
        int gapMinutes, int maxGaps, CancellationToken cancellationToken)
    {
        var histogram = (await QueryAsync<(int Bucket, long Count)>(HistogramSql, Parameters(window, cameraId),
            cancellationToken)).ToList();
        var detections = histogram.Sum(b => b.Count);
        // A gap shorter than an hour can hide inside one hour, so only raw rows can find those.
        if (detections <= options.Value.ExactPercentileMaxDetections || gapMinutes < 60)
        {
            return await raw.CameraActivityAsync(window, cameraId, now, gapMinutes, maxGaps, cancellationToken);
        }

        return new CameraActivity(ProcessingMsHistogram.Percentile(histogram, 0.95),
            await GapsAsync(window, cameraId, now, gapMinutes, maxGaps, cancellationToken));
    }

    public Task<IReadOnlyList<string>> CameraIdsAsync(CancellationToken cancellationToken) =>
        raw.CameraIdsAsync(cancellationToken);

    /// <summary>
    /// The same gaps as the raw query: the window's start and the gap end act as detections; between them the
    /// detections are known per hour by their first and last, which is all a gap of an hour or more can span.
    /// </summary>
    private async Task<IReadOnlyList<DetectionGap>> GapsAsync(HourWindow window, string cameraId, DateTime now,
        int gapMinutes, int maxGaps, CancellationToken cancellationToken)
    {
        var gapEnd = now < window.End ? now : window.End;
        gapEnd = DateTime.SpecifyKind(gapEnd < window.Start ? window.Start : gapEnd, DateTimeKind.Utc);
        var wholeHoursEnd = new DateTime(gapEnd.Ticks - (gapEnd.Ticks % TimeSpan.TicksPerHour), DateTimeKind.Utc);
        var spans = (await QueryAsync<(DateTime First, DateTime Last)>(HoursSql,
            new { window.Start, End = wholeHoursEnd, CameraId = cameraId }, cancellationToken)).ToList();
        if (wholeHoursEnd < gapEnd)
        {
            var partial = (await QueryAsync<(DateTime? First, DateTime? Last)>(PartialHourSql,
                new { Start = wholeHoursEnd, End = gapEnd, CameraId = cameraId }, cancellationToken)).Single();
            if (partial is { First: { } first, Last: { } last })
            {
                spans.Add((first, last));
            }
        }

        var gaps = new List<DetectionGap>();
        var previous = window.Start;
        foreach (var (first, last) in spans.Append((gapEnd, gapEnd)))
        {
            if (first - previous > TimeSpan.FromMinutes(gapMinutes))
            {
                gaps.Add(new DetectionGap(previous, first));
            }

            previous = last;
        }

        return gaps.Take(maxGaps).ToList();
    }

    private static object Parameters(HourWindow window, string? cameraId)
    {
        var range = RollupRange.Hours(window.Start, window.End);
        return new { range.HourFrom, range.DayFrom, range.DayTo, range.HourTo, CameraId = cameraId };
    }

    private async Task<IReadOnlyList<T>> QueryAsync<T>(string text, object parameters, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<T>(new CommandDefinition(text, parameters, session.Transaction,
            cancellationToken: cancellationToken))).ToList();
    }
}
