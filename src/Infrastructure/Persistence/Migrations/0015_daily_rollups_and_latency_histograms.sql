-- Reads that stay flat in the data size (issue 13). Beside the hourly rollups of 0002:
--   * daily rollups of detections and violations, so a 30-day window sums ~30 rows per camera (and cell)
--     instead of ~720;
--   * per camera-hour and camera-day, the first detection time (with last_detected_at it lets silent gaps of an
--     hour or more be found from rollups) and a fixed histogram of processing_ms (p95 without raw rows).
-- Ingest and violation status changes maintain them in the same transaction as the hourly rows; the
-- migration backfills them from the raw rows (a populated database gets them recounted once, here).

-- The histogram's buckets: 0 holds [0, 0.1) ms, bucket k (1..96) holds [0.1·10^((k-1)/16), 0.1·10^(k/16)) ms
-- (16 per decade, ~15 % wide), and the last one also everything above 100 s. StatisticsHistogram (C#) reads
-- them with the same bounds. Array element k+1 is bucket k.
CREATE FUNCTION processing_ms_bucket(ms double precision) RETURNS integer
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN ms < 0.1 THEN 0 ELSE least(96, 1 + floor(16 * log(ms / 0.1))::integer) END
$$;

CREATE FUNCTION processing_ms_histogram_step(state integer[], ms double precision) RETURNS integer[]
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
    slot integer := processing_ms_bucket(ms) + 1;
BEGIN
    IF state IS NULL THEN
        state := array_fill(0, ARRAY[97]);
    END IF;
    state[slot] := state[slot] + 1;
    RETURN state;
END
$$;

CREATE FUNCTION histogram_add(a integer[], b integer[]) RETURNS integer[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT array_agg(coalesce(a[i], 0) + coalesce(b[i], 0) ORDER BY i) FROM generate_series(1, 97) AS i
$$;

CREATE AGGREGATE processing_ms_histogram(double precision) (
    SFUNC = processing_ms_histogram_step, STYPE = integer[]);

CREATE AGGREGATE histogram_sum(integer[]) (SFUNC = histogram_add, STYPE = integer[]);

ALTER TABLE detection_hourly_rollups
    ADD COLUMN first_detected_at timestamptz,
    ADD COLUMN processing_ms_histogram integer[];

CREATE TABLE detection_daily_rollups (
    camera_id               text             NOT NULL,
    day                     timestamptz      NOT NULL, -- UTC midnight
    detection_count         bigint           NOT NULL,
    person_count_sum        bigint           NOT NULL,
    processing_ms_sum       double precision NOT NULL,
    violation_count_sum     bigint           NOT NULL,
    first_detected_at       timestamptz      NOT NULL,
    last_detected_at        timestamptz      NOT NULL,
    processing_ms_histogram integer[]        NOT NULL,
    PRIMARY KEY (camera_id, day)
);
CREATE INDEX ix_detection_daily_rollups_day ON detection_daily_rollups (day);

CREATE TABLE violation_daily_rollups (
    camera_id       text             NOT NULL,
    day             timestamptz      NOT NULL, -- UTC midnight
    violation_type  text             NOT NULL,
    status          text             NOT NULL,
    violation_count bigint           NOT NULL,
    confidence_sum  double precision NOT NULL,
    PRIMARY KEY (camera_id, day, violation_type, status)
);
CREATE INDEX ix_violation_daily_rollups_day ON violation_daily_rollups (day);

-- Same name as before (callers rebuild after bulk loads), now recounting every rollup table.
CREATE OR REPLACE FUNCTION rebuild_hourly_rollups() RETURNS void LANGUAGE sql AS $$
    DELETE FROM detection_hourly_rollups;
    DELETE FROM violation_hourly_rollups;
    DELETE FROM detection_daily_rollups;
    DELETE FROM violation_daily_rollups;
    INSERT INTO detection_hourly_rollups
           (camera_id, hour, detection_count, person_count_sum, processing_ms_sum, violation_count_sum, last_detected_at,
            first_detected_at, processing_ms_histogram)
    SELECT camera_id, date_trunc('hour', detected_at, 'UTC'), count(*), sum(person_count), sum(processing_ms),
           sum(violation_count), max(detected_at), min(detected_at), processing_ms_histogram(processing_ms)
      FROM detection_records
     GROUP BY 1, 2;
    INSERT INTO violation_hourly_rollups
    SELECT camera_id, date_trunc('hour', detected_at, 'UTC'), violation_type, status, count(*), sum(confidence)
      FROM violations
     GROUP BY 1, 2, 3, 4;
    INSERT INTO detection_daily_rollups
    SELECT camera_id, date_trunc('day', hour, 'UTC'), sum(detection_count), sum(person_count_sum), sum(processing_ms_sum),
           sum(violation_count_sum), min(first_detected_at), max(last_detected_at), histogram_sum(processing_ms_histogram)
      FROM detection_hourly_rollups
     GROUP BY 1, 2;
    INSERT INTO violation_daily_rollups
    SELECT camera_id, date_trunc('day', hour, 'UTC'), violation_type, status, sum(violation_count), sum(confidence_sum)
      FROM violation_hourly_rollups
     GROUP BY 1, 2, 3, 4;
$$;

SELECT rebuild_hourly_rollups();

ALTER TABLE detection_hourly_rollups
    ALTER COLUMN first_detected_at SET NOT NULL,
    ALTER COLUMN processing_ms_histogram SET NOT NULL;

-- The dark launch compares every row a command writes, so the new rollups are captured like the hourly ones.
CREATE TRIGGER dark_launch_capture AFTER INSERT OR UPDATE OR DELETE ON detection_daily_rollups FOR EACH ROW
    WHEN (current_setting('cameramonitor.capture_writes', true) = 'on')
    EXECUTE FUNCTION dark_launch_capture('camera_id', 'day');
CREATE TRIGGER dark_launch_capture AFTER INSERT OR UPDATE OR DELETE ON violation_daily_rollups FOR EACH ROW
    WHEN (current_setting('cameramonitor.capture_writes', true) = 'on')
    EXECUTE FUNCTION dark_launch_capture('camera_id', 'day', 'violation_type', 'status');
