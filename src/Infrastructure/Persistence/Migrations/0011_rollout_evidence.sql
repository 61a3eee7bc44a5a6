-- Cluster-wide rollout evidence. Every instance drains its in-memory counters every
-- Rollout:Evidence:PublishIntervalSeconds into time slices tagged with its instance id; every report and the plan
-- evaluator sum the slices of all instances over a window. Slices are pruned after Rollout:Evidence:RetentionHours.

-- One row per instance: its heartbeat (written with every publish, traffic or not), so silence is visible.
CREATE TABLE rollout_evidence_instances (
    instance_id              text        PRIMARY KEY,
    host                     text        NOT NULL,
    started_at               timestamptz NOT NULL,
    last_report_at           timestamptz NOT NULL,
    publish_interval_seconds double precision NOT NULL CHECK (publish_interval_seconds > 0),
    -- Slices this instance could not publish and dropped (its buffer overflowed while the database was away).
    dropped_slices           bigint      NOT NULL DEFAULT 0
);

-- Requests per instance × slice × endpoint × path × routing group. route_group is how the path was chosen:
-- 'percentage' (the split under judgement) or a steering reason ('force_domain', 'allow_list', 'deny_list',
-- 'kill_switch') that is reported but never evidence about the split.
CREATE TABLE rollout_evidence_slices (
    instance_id     text        NOT NULL,
    slice_start     timestamptz NOT NULL,
    slice_end       timestamptz NOT NULL,
    endpoint        text        NOT NULL,
    path            text        NOT NULL CHECK (path IN ('domain', 'legacy', 'legacy-fallback')),
    route_group     text        NOT NULL,
    requests        bigint      NOT NULL CHECK (requests >= 0),
    failures        bigint      NOT NULL CHECK (failures >= 0),
    -- LatencyHistogram counts (fixed log-spaced buckets, trailing zeros trimmed): merged by adding.
    latency_buckets bigint[]    NOT NULL,
    CHECK (slice_end >= slice_start)
);

CREATE INDEX rollout_evidence_slices_endpoint_end ON rollout_evidence_slices (endpoint, slice_end);
CREATE INDEX rollout_evidence_slices_end ON rollout_evidence_slices (slice_end);

-- Comparisons per instance × slice × endpoint × kind × field. kind: 'parity' (query A/B with its A/A noise run),
-- 'dark_launch' (command samples as a whole), 'dark_launch_response' (command responses, field = response field) or
-- 'dark_launch_row' (command rows, field = table.column).
-- field '' is the whole sample: samples = compared, mismatched = samples counted as mismatches (of that kind),
-- failures = shadow runs that failed, skipped = samples dropped or not compared.
-- Any other field: samples = samples where the field differed A/B, mismatched = of those counted as a mismatch,
-- noise = samples where the field differed between two runs of the same implementation (A/A).
CREATE TABLE rollout_evidence_comparisons (
    instance_id text        NOT NULL,
    slice_start timestamptz NOT NULL,
    slice_end   timestamptz NOT NULL,
    endpoint    text        NOT NULL,
    kind        text        NOT NULL CHECK (kind IN ('parity', 'dark_launch', 'dark_launch_response', 'dark_launch_row')),
    field       text        NOT NULL,
    samples     bigint      NOT NULL DEFAULT 0,
    mismatched  bigint      NOT NULL DEFAULT 0,
    noise       bigint      NOT NULL DEFAULT 0,
    failures    bigint      NOT NULL DEFAULT 0,
    skipped     bigint      NOT NULL DEFAULT 0,
    CHECK (slice_end >= slice_start)
);

CREATE INDEX rollout_evidence_comparisons_endpoint_end ON rollout_evidence_comparisons (kind, endpoint, slice_end);
CREATE INDEX rollout_evidence_comparisons_end ON rollout_evidence_comparisons (slice_end);
