-- Retention (issue 13, item 3): detection_records and violations become tables partitioned by RANGE on
-- detected_at, one partition per UTC day, so old data goes by dropping whole partitions (no DELETE, no bloat,
-- no long vacuum) — see docs/operations.md, "Retention and partitions".
--
-- Works on a populated database without copying its rows: each old table is renamed, a partitioned table
-- with the same columns, constraints, indexes and triggers takes its name, and the old table is attached as
-- ONE partition covering everything before tomorrow (UTC), "<table>_pre_partitioning". Its cost is building
-- the new primary key (id, detected_at) on the old rows and one scan to check the bound; operators of a big
-- database can build that index beforehand, online:
--     CREATE UNIQUE INDEX CONCURRENTLY detection_records_id_detected_at_idx ON detection_records (id, detected_at);
--     CREATE UNIQUE INDEX CONCURRENTLY violations_id_detected_at_idx ON violations (id, detected_at);
-- and this migration adopts them. Rows dated tomorrow or later move to their daily partitions.
--
-- Every timestamp is accepted: the pre-partitioning partition reaches back to MINVALUE, daily partitions are
-- made ahead, and a DEFAULT partition takes whatever falls outside them (far future, a day nobody made).
--
-- Ids: the identity moves to the partitioned table and continues from the old sequence's value. The primary
-- key must contain the partition key, so it is (id, detected_at); ids stay unique because only the sequence
-- hands them out. The foreign key violations.detection_id → detection_records(id) cannot exist on partitioned
-- tables without the partition key, so detection_id becomes a soft reference (see its comment below).

-- The partitions of a range-partitioned table with their bounds (NULL: MINVALUE / MAXVALUE / DEFAULT).
CREATE FUNCTION partition_bounds(parent text)
    RETURNS TABLE (partition_name text, is_default boolean, lower_bound timestamptz, upper_bound timestamptz)
    LANGUAGE sql STABLE AS $$
    SELECT c.relname::text,
           b.expr = 'DEFAULT',
           CASE WHEN m[1] IS NULL OR m[1] = 'MINVALUE' THEN NULL ELSE btrim(m[1], '''')::timestamptz END,
           CASE WHEN m[2] IS NULL OR m[2] = 'MAXVALUE' THEN NULL ELSE btrim(m[2], '''')::timestamptz END
      FROM pg_inherits i
      JOIN pg_class c ON c.oid = i.inhrelid
     CROSS JOIN LATERAL pg_get_expr(c.relpartbound, c.oid) AS b (expr)
      LEFT JOIN LATERAL regexp_match(b.expr, '^FOR VALUES FROM \((.+)\) TO \((.+)\)$') AS m ON true
     WHERE i.inhparent = parent::regclass
$$;

-- Makes parent's partition for the UTC day `day` unless a partition already covers part of it; true if it
-- made one. The partition is built as a plain table and then attached, which locks the parent only in SHARE
-- UPDATE EXCLUSIVE mode (reads and writes go on); ATTACH does lock the DEFAULT partition while it checks
-- that none of its rows belong to the new range — rows of that day that landed there are moved first.
CREATE FUNCTION ensure_daily_partition(parent text, day date) RETURNS boolean LANGUAGE plpgsql AS $$
DECLARE
    day_start constant timestamptz := day::timestamp AT TIME ZONE 'UTC';
    day_end constant timestamptz := (day + 1)::timestamp AT TIME ZONE 'UTC';
    part constant text := parent || '_p' || to_char(day, 'YYYYMMDD');
    default_part text;
BEGIN
    IF EXISTS (SELECT 1 FROM partition_bounds(parent) b
                WHERE NOT b.is_default
                  AND (b.lower_bound IS NULL OR b.lower_bound < day_end)
                  AND (b.upper_bound IS NULL OR b.upper_bound > day_start)) THEN
        RETURN false;
    END IF;

    EXECUTE format('CREATE TABLE %I (LIKE %I INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING STORAGE)', part, parent);
    SELECT b.partition_name INTO default_part FROM partition_bounds(parent) b WHERE b.is_default;
    IF default_part IS NOT NULL THEN
        EXECUTE format('WITH moved AS (DELETE FROM %I WHERE detected_at >= $1 AND detected_at < $2 RETURNING *) '
                       || 'INSERT INTO %I SELECT * FROM moved', default_part, part)
            USING day_start, day_end;
    END IF;
    EXECUTE format('ALTER TABLE %I ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)', parent, part, day_start, day_end);
    RETURN true;
END
$$;

-- Detaches and drops one partition in one short transaction. DETACH … CONCURRENTLY is not allowed while the
-- table has a DEFAULT partition, so this takes ACCESS EXCLUSIVE on the parent for the catalog change only;
-- callers set lock_timeout so it never queues traffic behind a long-running query.
CREATE FUNCTION drop_partition(parent text, part text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('ALTER TABLE %I DETACH PARTITION %I', parent, part);
    EXECUTE format('DROP TABLE %I', part);
END
$$;

-- The dark launch keys captured rows by table; rows of a partition are reported under the partitioned table's
-- name (the trigger fires on the partition, whose TG_TABLE_NAME is e.g. detection_records_p20261201).
CREATE OR REPLACE FUNCTION dark_launch_capture() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    image jsonb := CASE WHEN TG_OP = 'DELETE' THEN to_jsonb(OLD) ELSE to_jsonb(NEW) END;
BEGIN
    INSERT INTO dark_launch_captured_writes (txid, table_name, operation, row_key, row_image)
    VALUES (txid_current(), coalesce(pg_partition_root(TG_RELID), TG_RELID)::regclass::text, lower(TG_OP),
            (SELECT coalesce(jsonb_object_agg(k, image -> k), '{}'::jsonb) FROM unnest(TG_ARGV) AS k),
            image);
    RETURN NULL;
END
$$;

ALTER TABLE violations DROP CONSTRAINT IF EXISTS violations_detection_id_fkey;
COMMENT ON COLUMN violations.detection_id IS
    'Soft reference to detection_records.id (no foreign key: partitioned tables cannot have one without detected_at). '
    'A violation has the detected_at of its detection record, so both live in the same daily partition and retention '
    'drops them together; a dangling id means the record is no longer kept.';

CREATE FUNCTION pg_temp.partition_by_day(target text, first_day date, days_ahead integer) RETURNS void
    LANGUAGE plpgsql AS $$
DECLARE
    old_name constant text := target || '_pre_partitioning';
    old_sequence text := pg_get_serial_sequence(target, 'id');
    sequence_name text;
    last_id bigint;
    id_called boolean;
    prebuilt_key constant text := target || '_id_detected_at_idx';
    ix record;
    trigger_args text;
    first_bound constant timestamptz := first_day::timestamp AT TIME ZONE 'UTC';
BEGIN
    EXECUTE format('SELECT last_value, is_called FROM %s', old_sequence) INTO last_id, id_called;
    sequence_name := split_part(old_sequence, '.', 2);

    -- The trigger's arguments (the key columns) are kept to recreate it on the partitioned table.
    SELECT string_agg(quote_literal(a), ', ') INTO trigger_args
      FROM pg_trigger t
     CROSS JOIN LATERAL unnest(string_to_array(rtrim(encode(t.tgargs, 'escape'), '\000'), '\000')) AS a
     WHERE t.tgrelid = target::regclass AND t.tgname = 'dark_launch_capture';
    EXECUTE format('DROP TRIGGER IF EXISTS dark_launch_capture ON %I', target);

    EXECUTE format('ALTER TABLE %I RENAME TO %I', target, old_name);
    EXECUTE format('ALTER TABLE %I DROP CONSTRAINT %I', old_name, target || '_pkey');
    IF to_regclass(prebuilt_key) IS NOT NULL THEN
        EXECUTE format('ALTER TABLE %I ADD CONSTRAINT %I PRIMARY KEY USING INDEX %I', old_name, old_name || '_pkey', prebuilt_key);
    ELSE
        EXECUTE format('ALTER TABLE %I ADD CONSTRAINT %I PRIMARY KEY (id, detected_at)', old_name, old_name || '_pkey');
    END IF;

    EXECUTE format('CREATE TABLE %I (LIKE %I INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING STORAGE '
                   || 'INCLUDING IDENTITY INCLUDING COMMENTS) PARTITION BY RANGE (detected_at)', target, old_name);
    EXECUTE format('ALTER TABLE %I ADD CONSTRAINT %I PRIMARY KEY (id, detected_at)', target, target || '_pkey');

    -- Every other index of the old table, under its old name, on the partitioned table; ATTACH adopts the old
    -- table's own copy instead of building it again.
    FOR ix IN
        SELECT c.relname AS name, pg_get_indexdef(i.indexrelid) AS def
          FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
         WHERE i.indrelid = old_name::regclass AND NOT i.indisprimary
         ORDER BY c.relname
    LOOP
        EXECUTE format('ALTER INDEX %I RENAME TO %I', ix.name, left(ix.name, 59) || '_pre');
        EXECUTE regexp_replace(ix.def, '^CREATE (UNIQUE )?INDEX \S+ ON \S+ ', format('CREATE \1INDEX %I ON %I ', ix.name, target));
    END LOOP;

    -- The identity continues where the old one stopped (ids already reserved by ingest included); the new
    -- sequence then takes the old one's name, which nothing but pg_get_serial_sequence relies on.
    PERFORM setval(pg_get_serial_sequence(target, 'id'), last_id, id_called);
    EXECUTE format('ALTER TABLE %I ALTER COLUMN id DROP IDENTITY', old_name);
    EXECUTE format('ALTER SEQUENCE %s RENAME TO %I', pg_get_serial_sequence(target, 'id'), sequence_name);

    IF trigger_args IS NOT NULL THEN
        EXECUTE format('CREATE TRIGGER dark_launch_capture AFTER INSERT OR UPDATE OR DELETE ON %I FOR EACH ROW '
                       || 'WHEN (current_setting(''cameramonitor.capture_writes'', true) = ''on'') '
                       || 'EXECUTE FUNCTION dark_launch_capture(%s)', target, trigger_args);
    END IF;

    EXECUTE format('CREATE TABLE %I PARTITION OF %I DEFAULT', target || '_default', target);
    FOR d IN 0 .. days_ahead LOOP
        PERFORM ensure_daily_partition(target, first_day + d);
    END LOOP;

    -- Rows dated tomorrow or later (clock skew, test data) leave the old table for the partitions that take them.
    EXECUTE format('INSERT INTO %I OVERRIDING SYSTEM VALUE SELECT * FROM %I WHERE detected_at >= $1', target, old_name)
        USING first_bound;
    EXECUTE format('DELETE FROM %I WHERE detected_at >= $1', old_name) USING first_bound;

    EXECUTE format('ALTER TABLE %I ATTACH PARTITION %I FOR VALUES FROM (MINVALUE) TO (%L)', target, old_name, first_bound);
    -- Autovacuum never analyzes a partitioned table itself; the planner's estimates over it need this once.
    EXECUTE format('ANALYZE %I', target);
END
$$;

SELECT pg_temp.partition_by_day('detection_records', (now() AT TIME ZONE 'UTC')::date + 1, 7);
SELECT pg_temp.partition_by_day('violations', (now() AT TIME ZONE 'UTC')::date + 1, 7);
