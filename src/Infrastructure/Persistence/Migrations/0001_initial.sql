-- Schema of product brief §3. Ids of detections, violations, alerts and rules are numbers the
-- database assigns; camera ids are slugs chosen by the operator.

CREATE TABLE cameras (
    id          text        PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9_-]{0,63}$'),
    name        text        NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    location    text        NOT NULL DEFAULT '',
    source_url  text        NOT NULL,
    enabled     boolean     NOT NULL DEFAULT true,
    status      text        NOT NULL DEFAULT 'unknown' CHECK (status IN ('online', 'offline', 'unknown')),
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL
);

-- No foreign key to cameras: the records of a deleted camera are kept and stay readable.
CREATE TABLE detection_records (
    id              bigint           GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    camera_id       text             NOT NULL,
    detected_at     timestamptz      NOT NULL,
    person_count    integer          NOT NULL DEFAULT 0 CHECK (person_count >= 0),
    objects         jsonb            NOT NULL DEFAULT '[]'::jsonb,
    processing_ms   double precision NOT NULL DEFAULT 0 CHECK (processing_ms >= 0),
    violation_count integer          NOT NULL DEFAULT 0 CHECK (violation_count >= 0)
);
CREATE INDEX ix_detection_records_camera_time ON detection_records (camera_id, detected_at DESC, id DESC);
CREATE INDEX ix_detection_records_time ON detection_records (detected_at);

CREATE TABLE violations (
    id             bigint           GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    camera_id      text             NOT NULL,
    detection_id   bigint           REFERENCES detection_records (id) ON DELETE SET NULL,
    violation_type text             NOT NULL CHECK (violation_type ~ '^[a-z][a-z0-9_]{0,63}$'),
    confidence     double precision NOT NULL CHECK (confidence BETWEEN 0 AND 1),
    snapshot_path  text,
    status         text             NOT NULL DEFAULT 'pending'
                                    CHECK (status IN ('pending', 'confirmed', 'false_positive', 'resolved')),
    detected_at    timestamptz      NOT NULL,
    handled_at     timestamptz,
    handled_by     text,
    notes          text,
    -- optimistic concurrency: every update bumps it and checks the value it read
    version        integer          NOT NULL DEFAULT 0
);
CREATE INDEX ix_violations_camera_time ON violations (camera_id, detected_at DESC, id DESC);
CREATE INDEX ix_violations_time ON violations (detected_at DESC, id DESC);
CREATE INDEX ix_violations_detection ON violations (detection_id);

CREATE TABLE alert_rules (
    id             bigint           GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name           text             NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    camera_id      text,            -- null: every camera
    rule_type      text             NOT NULL,
    violation_type text,            -- null: every type
    threshold      double precision NOT NULL CHECK (threshold > 0),
    window_minutes integer          NOT NULL CHECK (window_minutes BETWEEN 1 AND 1440),
    severity       text             NOT NULL CHECK (severity IN ('info', 'warning', 'critical')),
    enabled        boolean          NOT NULL DEFAULT true
);

CREATE TABLE alerts (
    id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    rule_id         bigint      REFERENCES alert_rules (id) ON DELETE SET NULL,
    camera_id       text        NOT NULL,
    alert_type      text        NOT NULL,
    severity        text        NOT NULL CHECK (severity IN ('info', 'warning', 'critical')),
    message         text        NOT NULL,
    triggered_at    timestamptz NOT NULL,
    acknowledged_at timestamptz
);
CREATE INDEX ix_alerts_time ON alerts (triggered_at DESC, id DESC);

-- Run-time rollout overrides (one row per endpoint) and their audit trail.
CREATE TABLE rollout_overrides (
    endpoint   text        PRIMARY KEY,
    settings   jsonb       NOT NULL,
    updated_at timestamptz NOT NULL,
    updated_by text        NOT NULL
);

CREATE TABLE rollout_audit (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    endpoint    text        NOT NULL,
    changed_at  timestamptz NOT NULL,
    changed_by  text        NOT NULL,
    old_value   jsonb,
    new_value   jsonb,
    reason      text
);
