-- Ingest support (issue 5): idempotency keys for detector retries, and the window an alert was raised for,
-- so a rule raises at most one alert per camera and window even when ingests run concurrently.

-- One row per (endpoint, key). The primary key arbitrates concurrent duplicates: the second INSERT waits
-- for the first transaction and then sees the conflict (or proceeds if the first rolled back).
CREATE TABLE idempotency_keys (
    endpoint     text        NOT NULL,
    key          text        NOT NULL CHECK (length(key) BETWEEN 1 AND 200),
    created_at   timestamptz NOT NULL,
    request_hash text        NOT NULL, -- SHA-256 of the batch: a key reused for another batch is a 409
    response_ids bigint[],   -- null while the claiming transaction is still running
    PRIMARY KEY (endpoint, key)
);

ALTER TABLE alerts ADD COLUMN window_start timestamptz;
-- Alerts raised by a rule: one per rule, camera and window (manual alerts have no rule and are not limited).
CREATE UNIQUE INDEX ux_alerts_rule_camera_window ON alerts (rule_id, camera_id, window_start)
    WHERE rule_id IS NOT NULL AND window_start IS NOT NULL;
CREATE INDEX ix_alerts_camera_time ON alerts (camera_id, triggered_at DESC, id DESC);
CREATE INDEX ix_violations_camera_type_time ON violations (camera_id, violation_type, detected_at);
