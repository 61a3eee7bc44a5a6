-- Databases that already held detections and violations when 0002 created the (empty) rollup tables
-- would answer statistics from nothing on the domain path. Recompute the rollups once from the raw rows;
-- from here on ingest and status changes maintain them in their own transactions.
SELECT rebuild_hourly_rollups();
