-- Hourly rollups that statistics read instead of scanning every detection and violation.
-- Maintained in the same transaction as ingest and violation status changes; rebuild_hourly_rollups()
-- recomputes them from the raw tables (used after bulk loads such as demo data, and by tests to check
-- the incremental maintenance against a full recount). Hours are UTC.

CREATE TABLE detection_hourly_rollups (
    camera_id           text             NOT NULL,
    hour                timestamptz      NOT NULL,
    detection_count     bigint           NOT NULL,
    person_count_sum    bigint           NOT NULL,
    processing_ms_sum   double precision NOT NULL,
    violation_count_sum bigint           NOT NULL,
    last_detected_at    timestamptz      NOT NULL,
    PRIMARY KEY (camera_id, hour)
);
CREATE INDEX ix_detection_hourly_rollups_hour ON detection_hourly_rollups (hour);

CREATE TABLE violation_hourly_rollups (
    camera_id       text             NOT NULL,
    hour            timestamptz      NOT NULL,
    violation_type  text             NOT NULL,
    status          text             NOT NULL,
    violation_count bigint           NOT NULL,
    confidence_sum  double precision NOT NULL,
    PRIMARY KEY (camera_id, hour, violation_type, status)
);
CREATE INDEX ix_violation_hourly_rollups_hour ON violation_hourly_rollups (hour);

CREATE FUNCTION rebuild_hourly_rollups() RETURNS void LANGUAGE sql AS $$
    DELETE FROM detection_hourly_rollups;
    DELETE FROM violation_hourly_rollups;
    INSERT INTO detection_hourly_rollups
    SELECT camera_id, date_trunc('hour', detected_at, 'UTC'), count(*), sum(person_count), sum(processing_ms),
           sum(violation_count), max(detected_at)
      FROM detection_records
     GROUP BY 1, 2;
    INSERT INTO violation_hourly_rollups
    SELECT camera_id, date_trunc('hour', detected_at, 'UTC'), violation_type, status, count(*), sum(confidence)
      FROM violations
     GROUP BY 1, 2, 3, 4;
$$;
