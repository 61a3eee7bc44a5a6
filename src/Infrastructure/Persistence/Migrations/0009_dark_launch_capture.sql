-- Write-path dark launch (docs/dark-launch.md): rows written by a transaction that opted in with
-- set_config('cameramonitor.capture_writes', 'on', true) are appended here, keyed by the transaction id.
-- The real path reads and deletes its rows before it commits; a shadow run's rows vanish with its
-- rollback. Nothing is meant to stay, so the table is UNLOGGED (no WAL for rows that never survive).
CREATE UNLOGGED TABLE dark_launch_captured_writes (
    txid       bigint NOT NULL,
    seq        bigint GENERATED ALWAYS AS IDENTITY,
    table_name text   NOT NULL,
    operation  text   NOT NULL,
    row_key    jsonb  NOT NULL,
    row_image  jsonb  NOT NULL
);

CREATE INDEX dark_launch_captured_writes_txid ON dark_launch_captured_writes (txid);

-- The trigger arguments name the table's primary-key columns, so a row written twice in one transaction
-- (insert, then update) can be folded into its net effect without a catalog lookup per row.
CREATE FUNCTION dark_launch_capture() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    image jsonb := CASE WHEN TG_OP = 'DELETE' THEN to_jsonb(OLD) ELSE to_jsonb(NEW) END;
BEGIN
    INSERT INTO dark_launch_captured_writes (txid, table_name, operation, row_key, row_image)
    VALUES (txid_current(), TG_TABLE_NAME, lower(TG_OP),
            (SELECT coalesce(jsonb_object_agg(k, image -> k), '{}'::jsonb) FROM unnest(TG_ARGV) AS k),
            image);
    RETURN NULL;
END
$$;

-- The WHEN clause keeps the cost when capture is off to one setting lookup per row: the function is not
-- even called. COPY fires these row triggers too.
DO $$
DECLARE
    target record;
BEGIN
    FOR target IN
        SELECT * FROM (VALUES
            ('cameras', 'id'),
            ('detection_records', 'id'),
            ('violations', 'id'),
            ('alerts', 'id'),
            ('alert_rules', 'id'),
            ('detection_hourly_rollups', 'camera_id, hour'),
            ('violation_hourly_rollups', 'camera_id, hour, violation_type, status'),
            ('idempotency_keys', 'endpoint, key')
        ) AS t (table_name, key_columns)
        WHERE to_regclass(t.table_name) IS NOT NULL
    LOOP
        EXECUTE format(
            'CREATE TRIGGER dark_launch_capture AFTER INSERT OR UPDATE OR DELETE ON %I FOR EACH ROW '
            || 'WHEN (current_setting(''cameramonitor.capture_writes'', true) = ''on'') '
            || 'EXECUTE FUNCTION dark_launch_capture(%s)',
            target.table_name,
            (SELECT string_agg(quote_literal(trim(c)), ', ') FROM unnest(string_to_array(target.key_columns, ',')) AS c));
    END LOOP;
END
$$;
