namespace CameraMonitor.Infrastructure.Rollout;

/// <summary>The SQL of the cluster-wide rollout evidence (migration 0011); every value is a parameter.</summary>
internal static class EvidenceSql
{
    /// <summary>
    /// One statement per publish: the heartbeat and every buffered slice row (as parallel arrays), so a publish is one
    /// round trip and all or nothing.
    /// </summary>
    public const string Publish = """
        WITH beat AS (
            INSERT INTO rollout_evidence_instances AS i
                (instance_id, host, started_at, last_report_at, publish_interval_seconds, dropped_slices)
            VALUES (@instance, @host, @started, @now, @interval, @dropped)
            ON CONFLICT (instance_id) DO UPDATE
                SET host = EXCLUDED.host,
                    last_report_at = GREATEST(i.last_report_at, EXCLUDED.last_report_at),
                    publish_interval_seconds = EXCLUDED.publish_interval_seconds,
                    dropped_slices = EXCLUDED.dropped_slices
        ), attempts AS (
            INSERT INTO rollout_evidence_slices
                (instance_id, slice_start, slice_end, endpoint, path, route_group, requests, failures, latency_buckets)
            SELECT @instance, t.s, t.e, t.endpoint, t.path, t.grp, t.requests, t.failures, t.buckets::bigint[]
            FROM unnest(@a_start, @a_end, @a_endpoint, @a_path, @a_group, @a_requests, @a_failures, @a_buckets)
                AS t(s, e, endpoint, path, grp, requests, failures, buckets)
        )
        INSERT INTO rollout_evidence_comparisons
            (instance_id, slice_start, slice_end, endpoint, kind, field, samples, mismatched, noise, failures, skipped)
        SELECT @instance, t.s, t.e, t.endpoint, t.kind, t.field, t.samples, t.mismatched, t.noise, t.failures, t.skipped
        FROM unnest(@c_start, @c_end, @c_endpoint, @c_kind, @c_field, @c_samples, @c_mismatched, @c_noise, @c_failures, @c_skipped)
            AS t(s, e, endpoint, kind, field, samples, mismatched, noise, failures, skipped)
        """;

    public const string Prune = """
        DELETE FROM rollout_evidence_slices WHERE slice_end < @before;
        DELETE FROM rollout_evidence_comparisons WHERE slice_end < @before;
        DELETE FROM rollout_evidence_instances WHERE last_report_at < @before;
        """;

    // A slice belongs to the window when it overlaps it: it ended no earlier than the start and began no later than the
    // end. (A step's evaluator publishes before it takes "now", so the slice that ends a step ends before the next starts.)
    private const string InWindow = "endpoint = @Endpoint AND slice_end >= @From AND slice_start <= @To";

    public const string SelectAttempts = """
        SELECT instance_id AS instanceid, path, route_group AS routegroup, requests, failures, latency_buckets AS latencybuckets
        FROM rollout_evidence_slices
        WHERE
        """ + " " + InWindow;

    // An instance with a slice in the window reported (its heartbeat goes with every slice) after the window started.
    public const string SelectInstances = """
        SELECT instance_id AS instanceid, host, last_report_at AS lastreportat, publish_interval_seconds AS publishintervalseconds,
               dropped_slices AS droppedslices
        FROM rollout_evidence_instances
        WHERE last_report_at > @From
        """;

    public const string SelectWholeSamples = """
        SELECT kind, SUM(samples)::bigint AS samples, SUM(mismatched)::bigint AS mismatched,
               SUM(failures)::bigint AS failures, SUM(skipped)::bigint AS skipped
        FROM rollout_evidence_comparisons
        WHERE field = '' AND
        """ + " " + InWindow + " GROUP BY kind";

    /// <summary>Per field of one kind: sums over the window, and the first slice in it where the field was noise.</summary>
    public const string SelectFields = """
        SELECT field, SUM(samples)::bigint AS samples, SUM(mismatched)::bigint AS mismatched, SUM(noise)::bigint AS noise,
               SUM(failures)::bigint AS failures, SUM(skipped)::bigint AS skipped,
               MIN(slice_start) FILTER (WHERE noise > 0) AS noisysince
        FROM rollout_evidence_comparisons
        WHERE kind = @Kind AND
        """ + " " + InWindow + " GROUP BY field ORDER BY field";
}
