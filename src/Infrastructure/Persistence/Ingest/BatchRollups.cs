using CameraMonitor.Application.Statistics.Common;
using CameraMonitor.Domain.Violations;
using Dapper;

namespace CameraMonitor.Infrastructure.Persistence.Ingest;

/// <summary>
/// Incremental maintenance of the hourly (0002) and daily (0015) rollups for a freshly written batch, in one
/// statement. The batch is added up here, per camera-hour and camera-day (and per violation type), histogram
/// included, and only those groups go to PostgreSQL: aggregating the rows there ran the PL/pgSQL histogram step once
/// per record and grain, about half of the statement's time. Groups are upserted in key order, table after table, so
/// concurrent ingests lock rollup rows in the same order and cannot deadlock. The aggregates are those of
/// rebuild_hourly_rollups() (the bucket is ProcessingMsHistogram.BucketOf, migration 0015's processing_ms_bucket), so a
/// full recount gives the same tables. Histograms are added element by element inline rather than by histogram_add():
/// a call of that SQL function (array_agg … ORDER BY over generate_series) cost ~40 µs per conflicting row, the inline
/// sub-select ~28 (100-row UPDATE, PostgreSQL 15). It needs no ORDER BY: a lone function scan over unnest() returns the
/// elements in array order (a sub-select of an upsert never runs in parallel).
/// </summary>
public static class BatchRollups
{
    public static readonly string AddSql = "WITH "
        + string.Join(", ",
            AddDetections(Grain.Hour, "detection_hourly_rollups"), AddDetections(Grain.Day, "detection_daily_rollups"),
            AddViolations(Grain.Hour, "violation_hourly_rollups"), AddViolations(Grain.Day, "violation_daily_rollups"))
        + " SELECT 1";

    private static readonly string PendingStatus = ViolationStatus.Pending.ToName();

    private enum Grain
    {
        Hour,
        Day,
    }

    /// <summary>The parameters of <see cref="AddSql"/>; ingested violations are pending.</summary>
    public static DynamicParameters ParametersFor(IReadOnlyList<IngestRecordRow> rows)
    {
        var parameters = new DynamicParameters();
        parameters.Add("Pending", PendingStatus);
        AddDetectionGroups(parameters, Grain.Hour, rows);
        AddDetectionGroups(parameters, Grain.Day, rows);
        AddViolationGroups(parameters, Grain.Hour, rows);
        AddViolationGroups(parameters, Grain.Day, rows);
        return parameters;
    }

    private static DateTime StartOf(Grain grain, DateTime utc) =>
        new(utc.Ticks - (utc.Ticks % (grain == Grain.Hour ? TimeSpan.TicksPerHour : TimeSpan.TicksPerDay)), DateTimeKind.Utc);

    private static void AddDetectionGroups(DynamicParameters parameters, Grain grain, IReadOnlyList<IngestRecordRow> rows)
    {
        var groups = rows.GroupBy(r => (r.CameraId, Start: StartOf(grain, r.DetectedAt))).ToList();
        var histograms = new int[groups.Count * ProcessingMsHistogram.Buckets];
        for (var g = 0; g < groups.Count; g++)
        {
            foreach (var row in groups[g])
            {
                histograms[(g * ProcessingMsHistogram.Buckets) + ProcessingMsHistogram.BucketOf(row.ProcessingMs)]++;
            }
        }

        parameters.Add($"{grain}Cameras", groups.Select(g => g.Key.CameraId).ToArray());
        parameters.Add($"{grain}Starts", groups.Select(g => g.Key.Start).ToArray());
        parameters.Add($"{grain}Counts", groups.Select(g => (long)g.Count()).ToArray());
        parameters.Add($"{grain}PersonCounts", groups.Select(g => g.Sum(r => (long)r.PersonCount)).ToArray());
        parameters.Add($"{grain}ProcessingMs", groups.Select(g => g.Sum(r => r.ProcessingMs)).ToArray());
        parameters.Add($"{grain}ViolationCounts", groups.Select(g => g.Sum(r => (long)r.Violations.Count)).ToArray());
        parameters.Add($"{grain}Lasts", groups.Select(g => g.Max(r => r.DetectedAt)).ToArray());
        parameters.Add($"{grain}Firsts", groups.Select(g => g.Min(r => r.DetectedAt)).ToArray());
        parameters.Add($"{grain}Histograms", histograms);
    }

    private static void AddViolationGroups(DynamicParameters parameters, Grain grain, IReadOnlyList<IngestRecordRow> rows)
    {
        var groups = rows
            .SelectMany(r => r.Violations.Select(v => (Record: r, Violation: v)))
            .GroupBy(v => (v.Record.CameraId, Start: StartOf(grain, v.Record.DetectedAt), v.Violation.ViolationType))
            .ToList();
        parameters.Add($"{grain}ViolationCameras", groups.Select(g => g.Key.CameraId).ToArray());
        parameters.Add($"{grain}ViolationStarts", groups.Select(g => g.Key.Start).ToArray());
        parameters.Add($"{grain}ViolationTypes", groups.Select(g => g.Key.ViolationType).ToArray());
        parameters.Add($"{grain}ViolationGroupCounts", groups.Select(g => (long)g.Count()).ToArray());
        parameters.Add($"{grain}Confidences", groups.Select(g => g.Sum(v => v.Violation.Confidence)).ToArray());
    }

    // The histogram of group n is the slice [(n - 1) · 97 + 1, n · 97] of the flat array (one array parameter per
    // grain instead of one per group).
    private static string Column(Grain grain) => grain == Grain.Hour ? "hour" : "day";

    private static string AddDetections(Grain grain, string table) => $"""
        add_{table} AS (
            INSERT INTO {table} AS r
                   (camera_id, {Column(grain)}, detection_count, person_count_sum, processing_ms_sum,
                    violation_count_sum, last_detected_at, first_detected_at, processing_ms_histogram)
            SELECT camera_id, start, detection_count, person_count_sum, processing_ms_sum, violation_count_sum,
                   last_detected_at, first_detected_at,
                   (@{grain}Histograms::integer[])[(n - 1) * {ProcessingMsHistogram.Buckets} + 1 : n * {ProcessingMsHistogram.Buckets}]
              FROM unnest(@{grain}Cameras::text[], @{grain}Starts::timestamptz[], @{grain}Counts::bigint[],
                          @{grain}PersonCounts::bigint[], @{grain}ProcessingMs::double precision[],
                          @{grain}ViolationCounts::bigint[], @{grain}Lasts::timestamptz[], @{grain}Firsts::timestamptz[])
                   WITH ORDINALITY AS g (camera_id, start, detection_count, person_count_sum, processing_ms_sum,
                                         violation_count_sum, last_detected_at, first_detected_at, n)
             ORDER BY 1, 2
            ON CONFLICT (camera_id, {Column(grain)}) DO UPDATE
               SET detection_count         = r.detection_count + EXCLUDED.detection_count,
                   person_count_sum        = r.person_count_sum + EXCLUDED.person_count_sum,
                   processing_ms_sum       = r.processing_ms_sum + EXCLUDED.processing_ms_sum,
                   violation_count_sum     = r.violation_count_sum + EXCLUDED.violation_count_sum,
                   last_detected_at        = greatest(r.last_detected_at, EXCLUDED.last_detected_at),
                   first_detected_at       = least(r.first_detected_at, EXCLUDED.first_detected_at),
                   processing_ms_histogram = ARRAY(SELECT kept + added
                                                     FROM unnest(r.processing_ms_histogram, EXCLUDED.processing_ms_histogram)
                                                          AS h (kept, added)))
        """;

    private static string AddViolations(Grain grain, string table) => $"""
        add_{table} AS (
            INSERT INTO {table} AS r (camera_id, {Column(grain)}, violation_type, status, violation_count, confidence_sum)
            SELECT camera_id, start, violation_type, @Pending, violation_count, confidence_sum
              FROM unnest(@{grain}ViolationCameras::text[], @{grain}ViolationStarts::timestamptz[], @{grain}ViolationTypes::text[],
                          @{grain}ViolationGroupCounts::bigint[], @{grain}Confidences::double precision[])
                   AS g (camera_id, start, violation_type, violation_count, confidence_sum)
             ORDER BY 1, 2, 3
            ON CONFLICT (camera_id, {Column(grain)}, violation_type, status) DO UPDATE
               SET violation_count = r.violation_count + EXCLUDED.violation_count,
                   confidence_sum  = r.confidence_sum + EXCLUDED.confidence_sum)
        """;
}
