#!/usr/bin/env bash
# Scale mode of the benchmarks (issue 13; docs/performance.md "Scale"). Not run by CI in full.
#
#   bash scripts/bench_scale.sh 10000000        # measure at 10 M records
#   BENCH_CHECK_ONLY=1 bash scripts/bench_scale.sh 100000   # correctness checks only, no timings
#
# 1. builds the API in Release and starts it (Development, no demo data) on a fresh local PostgreSQL
#    under .data/scale-postgres;
# 2. generates N detection records (50 cameras, the last 30 days, ~0.35 violations per record) server-side
#    with INSERT … SELECT straight into the tables, then builds the rollups with rebuild_hourly_rollups()
#    (the same aggregates the ingest writer adds up) and checks a sample of them against a recount;
# 3. checks that the domain path answers what the legacy path answers: exact totals (detection records and
#    events, with windows cutting hours), keyset pages equal to offset pages, camera statistics gaps/totals;
#    with BENCH_CHECK_ONLY also retention: one `maintain-partitions` run (Retention:Days=10) against a recount;
#    With snapshots on (BENCH_SNAPSHOTS, default: on in BENCH_CHECK_ONLY mode, off when timing so the timings are
#    the rollups' own), the summary and daily answers served from a snapshot must equal the legacy recount;
# 4. unless BENCH_CHECK_ONLY is set: times every read endpoint single-client on both paths (curl, sequential,
#    BENCH_REQUESTS per endpoint on the domain path, fewer on legacy), writes p50/p95 to
#    .data/scale/results-N.md and EXPLAIN (ANALYZE, BUFFERS) of the rollup queries to .data/scale/explain-N.txt.
#
# Ingest mode (BENCH_INGEST=1): instead of 3. and 4., compares HTTP ingest on both paths with a raw psql COPY of
# equivalent rows on the generated database (scripts/bench_ingest.py; BENCH_INGEST_ROUNDS (5), BENCH_INGEST_BATCHES
# (30) batches of 1,000 per way and round, 4 clients), with fsync on: the script starts the cluster itself (the
# development cluster runs with fsync off) and the API attaches to it. Writes .data/scale/ingest-N.md.
# BENCH_INGEST_QUIET_RULES=1 raises every rule's threshold out of reach: no rule fires, so no window is skipped as
# already alerted and every batch counts all of them (the domain path's worst case).
#
# 5. then the same reads loaded, domain path only (wrk, BENCH_LOADED_CONNECTIONS (4; 0: skip), BENCH_LOADED_DURATION (10s)).
#
# Knobs: BENCH_REQUESTS (60), BENCH_LEGACY_REQUESTS (10; 0 skips the legacy timings: on a database larger than memory
# its full scans evict the rollups between endpoints, so the domain timings then include re-reading them from disk), BENCH_API_KEY (dev-admin-key-change-me; sent as
# X-Api-Key, which the access branch's authentication expects), BENCH_PORT, BENCH_KEEP=1 (leave the data).
# Large sizes in two steps, so the timings run on a quiet machine whenever that is: BENCH_GENERATE_ONLY=1 generates,
# checks the rollups and keeps the data; BENCH_REUSE_DATA=1 later measures the kept database of the same size
# (BENCH_TIMINGS_ONLY=1: without the correctness checks, whose legacy calls take minutes at 100 M).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RECORDS="${1:-1000000}"
CAMERAS=50
DAYS=30
REQUESTS="${BENCH_REQUESTS:-60}"
LEGACY_REQUESTS="${BENCH_LEGACY_REQUESTS:-10}"
API_KEY="${BENCH_API_KEY:-dev-admin-key-change-me}"
PORT="${BENCH_PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}"
BASE="http://127.0.0.1:${PORT}"
SNAPSHOTS="${BENCH_SNAPSHOTS:-$([[ -n "${BENCH_CHECK_ONLY:-}" ]] && echo true || echo false)}"
WORK="${ROOT}/.data/scale"
PG_DATA="${ROOT}/.data/scale-postgres"
RESULTS="${WORK}/results-${RECORDS}.md"
EXPLAIN="${WORK}/explain-${RECORDS}.txt"
FAILURES=0
BENCH_NAME=scale
# shellcheck source=scripts/bench_lib.sh
source "${ROOT}/scripts/bench_lib.sh"

fail() { log "CHECK FAILED: $*"; FAILURES=$((FAILURES + 1)); }

stop_scale() {
  stop_api
  # A cluster the script started itself (ingest mode) outlives the API that attached to it.
  [[ ! -f "${PG_DATA}/postmaster.pid" ]] || runuser -u postgres -- /usr/lib/postgresql/15/bin/pg_ctl -D "${PG_DATA}" -m fast -w stop >/dev/null 2>&1 || true
  [[ -n "${BENCH_KEEP:-}${BENCH_GENERATE_ONLY:-}${BENCH_REUSE_DATA:-}" ]] || rm -rf "${PG_DATA}"
}
trap stop_scale EXIT

log "building Release"
mkdir -p "${ROOT}/.data"
dotnet build "${ROOT}/src/Api/CameraMonitor.Api.csproj" -c Release -v quiet -nologo >"${ROOT}/.data/scale-build.log" 2>&1 \
  || { cat "${ROOT}/.data/scale-build.log" >&2; exit 1; }
mkdir -p "${WORK}"
GENERATED="${PG_DATA}/generated-${RECORDS}"
if [[ -n "${BENCH_REUSE_DATA:-}" ]]; then
  [[ -f "${GENERATED}" ]] || { log "no kept database of ${RECORDS} records under ${PG_DATA} (run BENCH_GENERATE_ONLY=1 first)"; exit 1; }
else
  rm -rf "${PG_DATA}"
fi
if [[ -n "${BENCH_INGEST:-}" ]]; then
  # The same cluster the API would start (LocalPostgresServer), but with fsync on: ingest is compared durably.
  mkdir -p "${PG_DATA}" && chown postgres:postgres "${PG_DATA}" && chmod 700 "${PG_DATA}"
  runuser -u postgres -- /usr/lib/postgresql/15/bin/initdb -D "${PG_DATA}" -U postgres --auth=trust --encoding=UTF8 \
    --locale=C.UTF-8 >/dev/null
  runuser -u postgres -- /usr/lib/postgresql/15/bin/pg_ctl -D "${PG_DATA}" -l "${PG_DATA}/server.log" -w -t 60 start \
    -o "-p $(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])') -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c fsync=on -c max_connections=300" >/dev/null
fi
BENCH_REUSE_PG_DATA=1 start_api DemoData__Load=false Legacy__StatementTimeoutSeconds=120 Snapshots__Enabled="${SNAPSHOTS}"
psql_q() { psql "host=127.0.0.1 port=${PG_PORT} user=postgres dbname=cameramonitor" -v ON_ERROR_STOP=1 -Atq -c "$1"; }

# --- generation ------------------------------------------------------------------------------------------
if [[ -z "${BENCH_REUSE_DATA:-}" ]]; then
log "generating ${RECORDS} records: ${CAMERAS} cameras, ${DAYS} days"
started=$(date +%s)
# One partition per generated day, as on a site that has run since before them (migration 0016 made a single,
# here still empty, pre-partitioning partition for everything before its first day): retention can drop days.
psql_q "
SELECT drop_partition(t, t || '_pre_partitioning') FROM unnest(ARRAY['detection_records', 'violations']) AS t;
SELECT count(*) FILTER (WHERE ensure_daily_partition(t, d::date))
  FROM unnest(ARRAY['detection_records', 'violations']) AS t,
       generate_series((now() AT TIME ZONE 'UTC')::date - ${DAYS} - 1, (now() AT TIME ZONE 'UTC')::date, interval '1 day') AS d;" >/dev/null
psql_q "
INSERT INTO cameras (id, name, location, source_url, enabled, status, created_at, updated_at)
SELECT 'cam' || c, 'Camera ' || c, 'line ' || (c % 5), 'rtsp://10.0.0.' || c || '/stream', true, 'online', now(), now()
  FROM generate_series(0, ${CAMERAS} - 1) AS c;
INSERT INTO alert_rules (name, camera_id, rule_type, violation_type, threshold, window_minutes, severity)
VALUES ('many violations', NULL, 'violation_count', NULL, 50, 10, 'warning');"
# Evenly spaced in time per camera (every camera gets every ${CAMERAS}th slot), so every hour of every camera holds
# detections; processing_ms is skewed (most fast, a long tail) so p95 means something.
# In steps of 10 M rows, so a 100 M run shows progress and no single statement spills a 100 M-row series.
for ((lo = 1; lo <= RECORDS; lo += 10000000)); do
  hi=$(( lo + 9999999 < RECORDS ? lo + 9999999 : RECORDS ))
  psql_q "
INSERT INTO detection_records (camera_id, detected_at, person_count, objects, processing_ms, violation_count)
SELECT 'cam' || (i % ${CAMERAS}),
       date_trunc('minute', now()) - interval '1 minute' - (i * (interval '${DAYS} days' / ${RECORDS})),
       (i * 7) % 6,
       '[{\"class\":\"person\",\"confidence\":0.9,\"bbox\":[1,2,30,40]}]',
       round((5 + 60 * power(random(), 3) + 200 * (random() < 0.03)::int)::numeric, 2)::double precision,
       (random() < 0.30)::int + (random() < 0.05)::int
  FROM generate_series(${lo}, ${hi}) AS i;"
  [[ "${RECORDS}" -le 10000000 ]] || log "generated records ${lo}..${hi} after $(( $(date +%s) - started )) s"
done
psql_q "
INSERT INTO violations (camera_id, detection_id, violation_type, confidence, snapshot_path, status, detected_at)
SELECT d.camera_id, d.id,
       (ARRAY['no_hairnet','no_mask','no_gloves','smoking','intrusion'])[1 + (d.id + k) % 5],
       0.5 + (d.id % 50) / 100.0,
       'snap/' || d.id || '.jpg',
       CASE WHEN d.id % 10 < 8 THEN 'pending' WHEN d.id % 10 = 8 THEN 'confirmed'
            WHEN d.id % 20 = 9 THEN 'false_positive' ELSE 'resolved' END,
       d.detected_at
  FROM detection_records d CROSS JOIN LATERAL generate_series(1, d.violation_count) AS k
 WHERE d.violation_count > 0;"
psql_q "SELECT rebuild_hourly_rollups()"
psql_q "VACUUM ANALYZE"
GENERATION_SECONDS=$(( $(date +%s) - started ))
DETECTIONS="$(psql_q 'SELECT count(*) FROM detection_records')"
VIOLATIONS="$(psql_q 'SELECT count(*) FROM violations')"
echo "${GENERATION_SECONDS}" >"${GENERATED}"
log "generated ${DETECTIONS} detections, ${VIOLATIONS} violations in ${GENERATION_SECONDS} s"

else
  GENERATION_SECONDS="$(cat "${GENERATED}")"
  DETECTIONS="$(psql_q 'SELECT count(*) FROM detection_records')"
  VIOLATIONS="$(psql_q 'SELECT count(*) FROM violations')"
  log "reusing ${DETECTIONS} detections, ${VIOLATIONS} violations (generated in ${GENERATION_SECONDS} s)"
fi

# --- rollups against a recount on a sample ----------------------------------------------------------------
MISMATCHED="$(psql_q "
WITH sample AS (SELECT camera_id, hour FROM detection_hourly_rollups ORDER BY md5(camera_id || hour::text) LIMIT 25),
recount AS (
  SELECT s.camera_id, s.hour, count(d.*) AS n, sum(d.person_count) AS persons, min(d.detected_at) AS first_at,
         max(d.detected_at) AS last_at, processing_ms_histogram(d.processing_ms) AS histogram
    FROM sample s JOIN detection_records d
      ON d.camera_id = s.camera_id AND d.detected_at >= s.hour AND d.detected_at < s.hour + interval '1 hour'
   GROUP BY 1, 2)
SELECT count(*) FROM recount c JOIN detection_hourly_rollups r USING (camera_id, hour)
 WHERE (r.detection_count, r.person_count_sum, r.first_detected_at, r.last_detected_at, r.processing_ms_histogram)
       IS DISTINCT FROM (c.n, c.persons, c.first_at, c.last_at, c.histogram);")"
[[ "${MISMATCHED}" == 0 ]] || fail "${MISMATCHED} of 25 sampled camera-hours differ from a recount"
MISMATCHED="$(psql_q "
WITH sample AS (SELECT camera_id, day FROM detection_daily_rollups ORDER BY md5(camera_id || day::text) LIMIT 10)
SELECT count(*) FROM (
  SELECT v.camera_id, date_trunc('day', v.detected_at, 'UTC') AS day, v.violation_type, v.status, count(*) AS n
    FROM violations v JOIN sample s ON s.camera_id = v.camera_id
     AND v.detected_at >= s.day AND v.detected_at < s.day + interval '1 day'
   GROUP BY 1, 2, 3, 4) c
  FULL JOIN (SELECT r.* FROM violation_daily_rollups r JOIN sample USING (camera_id, day)) r
    USING (camera_id, day, violation_type, status)
 WHERE c.n IS DISTINCT FROM r.violation_count;")"
[[ "${MISMATCHED}" == 0 ]] || fail "${MISMATCHED} sampled violation day cells differ from a recount"
log "rollup sample checked against a recount"
if [[ -n "${BENCH_GENERATE_ONLY:-}" ]]; then
  log "kept under ${PG_DATA}; measure with BENCH_REUSE_DATA=1 bash scripts/bench_scale.sh ${RECORDS}"
  exit $(( FAILURES > 0 ))
fi

if [[ -n "${BENCH_INGEST:-}" ]]; then
  # Three rules for 50 cameras: any type (from generation), one type everywhere, one type on one camera: 101
  # rule x camera windows per batch, as in the issue's measurement.
  psql_q "
  INSERT INTO alert_rules (name, camera_id, rule_type, violation_type, threshold, window_minutes, severity)
  VALUES ('masks', NULL, 'violation_count', 'no_mask', 20, 15, 'critical'),
         ('smoking at cam3', 'cam3', 'violation_count', 'smoking', 3, 5, 'critical');"
  [[ -z "${BENCH_INGEST_QUIET_RULES:-}" ]] || psql_q "UPDATE alert_rules SET threshold = 1000000000" >/dev/null
  # Settled first: the generated tables vacuumed and analysed, so the first timed way does not share the machine with
  # autovacuum's pass over the freshly loaded rows (it did: round 1 cost ~2x). No CHECKPOINT here: right after one,
  # every first write to a page logs the whole page, which taxes whichever way runs first.
  psql_q "VACUUM (ANALYZE) detection_records, violations" >/dev/null
  INGEST_RESULTS="${WORK}/ingest-${RECORDS}.md"
  LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
  log "ingest: HTTP (domain, legacy) vs psql COPY, fsync $(psql_q 'SHOW fsync'), load average ${LOAD_BEFORE}"
  python3 "${ROOT}/scripts/bench_ingest.py" "${BASE}" "${API_KEY}" \
    "host=127.0.0.1 port=${PG_PORT} user=postgres dbname=cameramonitor" "${BENCH_INGEST_ROUNDS:-5}" \
    "${BENCH_INGEST_BATCHES:-30}" 4 "${API_PID}" "$(head -1 "${PG_DATA}/postmaster.pid")" >"${INGEST_RESULTS}"
  {
    echo
    echo "On ${DETECTIONS} detections and ${VIOLATIONS} violations; fsync $(psql_q 'SHOW fsync'); $(nproc) cores;"
    echo "load average before: ${LOAD_BEFORE}, after: $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%Y-%m-%dT%H:%MZ)."
  } >>"${INGEST_RESULTS}"
  cat "${INGEST_RESULTS}"
  exit $(( FAILURES > 0 ))
fi

# --- correctness: domain answers against legacy -----------------------------------------------------------
get() { # url force_domain -> body (fails on non-200)
  local sep='?'; [[ "$1" == *\?* ]] && sep='&'
  curl -fsS -H "X-Api-Key: ${API_KEY}" "${BASE}$1${sep}force_domain=$2"
}
# BENCH_TIMINGS_ONLY=1 skips these checks (a second timing pass on a database the checks already passed on).
NOW_HOUR="$(date -u +%Y-%m-%dT%H:00:00Z)"
if [[ -z "${BENCH_TIMINGS_ONLY:-}" ]]; then
EDGE_FROM="$(date -u -d '-5 days -17 minutes' +%Y-%m-%dT%H:%M:%S.123456Z)"
EDGE_TO="$(date -u -d '-2 hours -41 minutes' +%Y-%m-%dT%H:%M:%SZ)"
for query in "/api/v1/records/detection-records/cam7?limit=50" \
             "/api/v1/records/detection-records/cam7?limit=50&start_time=${EDGE_FROM}&end_time=${EDGE_TO}" \
             "/api/v1/statistics/events?limit=50" \
             "/api/v1/statistics/events?limit=50&camera_id=cam3&status=confirmed" \
             "/api/v1/statistics/events?limit=50&violation_type=no_mask&start_time=${EDGE_FROM}&end_time=${EDGE_TO}"; do
  domain="$(get "${query}" true | jq -c '.total')"
  legacy="$(get "${query}" false | jq -c '.total')"
  [[ "${domain}" == "${legacy}" ]] || fail "total of ${query}: domain ${domain}, legacy ${legacy}"
done
for list in "/api/v1/records/detection-records/cam7?limit=40|records" "/api/v1/statistics/events?limit=40|events"; do
  url="${list%|*}"; field="${list#*|}"
  by_offset="$(for o in 0 40 80; do get "${url}&offset=${o}" true | jq -c "[.${field}[].id]"; done | jq -sc 'add')"
  cursor=""; by_cursor="[]"
  for _ in 1 2 3; do
    page="$(get "${url}${cursor:+&after=${cursor}}" true)"
    by_cursor="$(jq -c --argjson acc "${by_cursor}" "\$acc + [.${field}[].id]" <<<"${page}")"
    cursor="$(jq -r '.next_cursor' <<<"${page}")"
  done
  [[ "${by_offset}" == "${by_cursor}" ]] || fail "keyset pages of ${url} differ from offset pages"
done
ONGOING_GAP_FREE='.statistics | {totals, anomalies: [.anomalies[] | if .type == "no_detections"
  and ((.end | sub("\\.[0-9]+Z$"; "Z") | fromdateiso8601) > now - 600) then del(.end, .description) else . end]}'
for query in "/api/v1/records/statistics/cam7?period=30d" "/api/v1/records/statistics/cam7?period=24h"; do
  # A silence still going on ends "now", the moment each path answered: its end and its length (in the description)
  # differ by the seconds between the two requests, so they are left out of the comparison; its start is compared.
  domain="$(get "${query}" true | jq -c "${ONGOING_GAP_FREE}")"
  legacy="$(get "${query}" false | jq -c "${ONGOING_GAP_FREE}")"
  [[ "${domain}" == "${legacy}" ]] || fail "camera statistics ${query}: domain and legacy differ"
  p95="$(get "${query}" true | jq '.statistics.performance.p95_processing_ms')"
  exact="$(get "${query}" false | jq '.statistics.performance.p95_processing_ms')"
  awk -v a="${p95}" -v b="${exact}" 'BEGIN { exit !(a <= b * 1.16 && a >= b / 1.16) }' \
    || fail "p95 estimate ${p95} is not within a bucket of ${exact} (${query})"
done
for query in "/api/v1/records/statistics/summary?period=30d" "/api/v1/statistics/daily?days=30"; do
  [[ "$(get "${query}" true)" == "$(get "${query}" false)" ]] || fail "${query}: domain and legacy bodies differ"
done
# Snapshots (docs/operations.md, "Snapshots"): the second domain answer in a row is served from the snapshot the
# first one filled or refreshed, says so, and equals the legacy recount (the data does not change here).
if [[ "${SNAPSHOTS}" == true ]]; then
  for query in "/api/v1/records/statistics/summary?period=24h" "/api/v1/records/statistics/summary?period=30d" \
               "/api/v1/statistics/daily?days=7" "/api/v1/statistics/daily?days=30"; do
    get "${query}" true >/dev/null
    headers="$(curl -fsS -D - -o "${WORK}/snapshot.json" -H "X-Api-Key: ${API_KEY}" "${BASE}${query}&force_domain=true" | tr -d '\r')"
    source="$(awk -F': ' 'tolower($1) == "x-data-source" { print $2 }' <<<"${headers}")"
    age="$(awk -F': ' 'tolower($1) == "age" { print $2 }' <<<"${headers}")"
    [[ "${source}" == snapshot && "${age}" =~ ^[0-9]+$ ]] || fail "${query}: X-Data-Source '${source}', Age '${age}' (expected a snapshot)"
    [[ "$(cat "${WORK}/snapshot.json")" == "$(get "${query}" false)" ]] || fail "${query}: the snapshot differs from the recount"
  done
  log "snapshot checks done"
fi
log "correctness checks done: ${FAILURES} failure(s)"
fi

# --- retention (check mode only: it deletes data) ---------------------------------------------------------
# One `maintain-partitions` run with Retention:Days=10 must drop every partition before the cutoff and
# the rollups before it, and keep exactly the rows a recount from before the run says are newer.
retention_check() {
  local days=10 cutoff kept_records kept_violations
  cutoff="$(psql_q "SELECT to_char(((now() AT TIME ZONE 'UTC')::date - ${days})::timestamp, 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')")"
  kept_records="$(psql_q "SELECT count(*) FROM detection_records WHERE detected_at >= '${cutoff}'")"
  kept_violations="$(psql_q "SELECT count(*) FROM violations WHERE detected_at >= '${cutoff}'")"
  (
    cd "${ROOT}/src/Api"
    env ASPNETCORE_ENVIRONMENT=Development DemoData__Load=false Logging__LogLevel__Default=Warning \
      ConnectionStrings__Postgres="Host=127.0.0.1;Port=${PG_PORT};Username=postgres;Database=cameramonitor" \
      Retention__Days="${days}" dotnet bin/Release/net10.0/CameraMonitor.Api.dll maintain-partitions
  ) >"${WORK}/retention.json" || { fail "maintain-partitions failed"; return; }
  [[ "$(jq '.droppedPartitions | length' "${WORK}/retention.json")" -gt 0 ]] || fail "retention dropped no partition"
  [[ "$(psql_q "SELECT count(*) FROM detection_records WHERE detected_at < '${cutoff}'")" == 0 ]] \
    || fail "detection records before the cutoff ${cutoff} survived retention"
  [[ "$(psql_q 'SELECT count(*) FROM detection_records')" == "${kept_records}" ]] \
    || fail "retention kept $(psql_q 'SELECT count(*) FROM detection_records') records, the recount says ${kept_records}"
  [[ "$(psql_q 'SELECT count(*) FROM violations')" == "${kept_violations}" ]] \
    || fail "retention kept $(psql_q 'SELECT count(*) FROM violations') violations, the recount says ${kept_violations}"
  [[ "$(psql_q "SELECT count(*) FROM partition_bounds('detection_records') WHERE upper_bound <= '${cutoff}'")" == 0 ]] \
    || fail "a detection_records partition before the cutoff is still attached"
  [[ "$(psql_q 'SELECT sum(detection_count) FROM detection_daily_rollups')" == "${kept_records}" ]] \
    || fail "daily rollups after retention do not add up to the kept records"
  [[ "$(psql_q 'SELECT sum(violation_count) FROM violation_hourly_rollups')" == "${kept_violations}" ]] \
    || fail "hourly violation rollups after retention do not add up to the kept violations"
  for query in "/api/v1/records/detection-records/cam7?limit=50" "/api/v1/statistics/events?limit=50"; do
    [[ "$(get "${query}" true | jq -c '.total')" == "$(get "${query}" false | jq -c '.total')" ]] \
      || fail "after retention, total of ${query} differs between domain and legacy"
  done
  log "retention checked: $(jq -c '{dropped: (.droppedPartitions | length), deletedRows}' "${WORK}/retention.json"), kept ${kept_records} records"
}

if [[ -n "${BENCH_CHECK_ONLY:-}" ]]; then
  retention_check
  exit $(( FAILURES > 0 ))
fi

# --- timings ----------------------------------------------------------------------------------------------
READS=(
  "/api/v1/records/statistics/summary?period=24h"
  "/api/v1/records/statistics/summary?period=30d"
  "/api/v1/records/statistics/cam7"
  "/api/v1/records/statistics/cam7?period=30d"
  "/api/v1/statistics/daily"
  "/api/v1/statistics/daily?days=30"
  "/api/v1/statistics/events?limit=50"
  "/api/v1/records/detection-records/cam7?limit=50"
  "/api/v1/records/detection-records/cam7?limit=50&offset=10000"
  "/api/v1/records/detection-records/cam7?limit=50&after=CURSOR"
)
DEEP_CURSOR="$(get "/api/v1/records/detection-records/cam7?limit=1&offset=9999" true | jq -r '.next_cursor')"
percentiles() { sort -n | awk '{ v[NR] = $1 } END { p50 = v[int((NR + 1) * 0.5)]; i = int(NR * 0.95 + 0.999); if (i > NR) i = NR; printf "%.1f %.1f", p50 * 1000, v[i] * 1000 }'; }
time_endpoint() { # url force_domain count -> "p50 p95" in ms
  local sep='?' i; [[ "$1" == *\?* ]] && sep='&'
  # Three warm-up requests, one when only a few are timed (the legacy path at 100 M: tens of seconds each).
  for i in $(seq 1 $(( $3 < 5 ? 1 : 3 ))); do curl -fs -o /dev/null -H "X-Api-Key: ${API_KEY}" "${BASE}$1${sep}force_domain=$2"; done
  for i in $(seq 1 "$3"); do
    curl -fs -o /dev/null -w '%{time_total}\n' -H "X-Api-Key: ${API_KEY}" "${BASE}$1${sep}force_domain=$2" || echo 999
  done | percentiles
}
{
  echo "| endpoint | domain p50 ms | domain p95 ms | legacy p50 ms | legacy p95 ms |"
  echo "|---|---:|---:|---:|---:|"
} >"${RESULTS}"
for endpoint in "${READS[@]}"; do
  url="${endpoint/CURSOR/${DEEP_CURSOR}}"
  read -r d50 d95 <<<"$(time_endpoint "${url}" true "${REQUESTS}")"
  l50=-; l95=-
  [[ "${LEGACY_REQUESTS}" -eq 0 ]] || read -r l50 l95 <<<"$(time_endpoint "${url}" false "${LEGACY_REQUESTS}")"
  log "$(printf '%-62s domain p50 %7s p95 %7s | legacy p50 %8s p95 %8s' "${endpoint}" "${d50}" "${d95}" "${l50}" "${l95}")"
  echo "| \`${endpoint/CURSOR/<cursor at 10 000>}\` | ${d50} | ${d95} | ${l50} | ${l95} |" >>"${RESULTS}"
done
# Loaded: every read again on the domain path with BENCH_LOADED_CONNECTIONS concurrent keep-alive clients (wrk), so
# a dashboard's polling is measured as well as one client. Not on the legacy path: it is the seed's transaction script,
# seconds per request at 10 M and more, bounded by its statement timeout; loading it measures the timeout.
if [[ "${BENCH_LOADED_CONNECTIONS:-4}" -gt 0 ]]; then
  ensure_packages wrk
  {
    echo
    echo "Loaded, domain path: wrk -t1 -c${BENCH_LOADED_CONNECTIONS:-4} -d${BENCH_LOADED_DURATION:-10s} per endpoint."
    echo
    echo "| endpoint | requests/s | p50 ms | p99 ms | errors |"
    echo "|---|---:|---:|---:|---|"
  } >>"${RESULTS}"
  for endpoint in "${READS[@]}"; do
    url="${endpoint/CURSOR/${DEEP_CURSOR}}"; sep='?'; [[ "${url}" == *\?* ]] && sep='&'
    out="$(wrk -t1 -c"${BENCH_LOADED_CONNECTIONS:-4}" -d"${BENCH_LOADED_DURATION:-10s}" --latency -H "X-Api-Key: ${API_KEY}" \
      "${BASE}${url}${sep}force_domain=true")"
    log "$(printf '%-62s loaded: %8s req/s p50 %6s p99 %6s %s' "${endpoint}" "$(wrk_rps "${out}")" \
      "$(wrk_percentile "${out}" 50%)" "$(wrk_percentile "${out}" 99%)" "$(wrk_problems "${out}")")"
    echo "| \`${endpoint/CURSOR/<cursor at 10 000>}\` | $(wrk_rps "${out}") | $(wrk_percentile "${out}" 50%) | $(wrk_percentile "${out}" 99%) | $(wrk_problems "${out}") |" >>"${RESULTS}"
  done
fi
{
  echo
  echo "${DETECTIONS} detections, ${VIOLATIONS} violations, ${CAMERAS} cameras over ${DAYS} days; generated in ${GENERATION_SECONDS} s;"
  echo "single client, sequential curl, ${REQUESTS} requests per endpoint on the domain path, ${LEGACY_REQUESTS} on legacy;"
  echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)."
} >>"${RESULTS}"

# --- EXPLAIN of the queries that decide the bars ----------------------------------------------------------
explain() { echo "== $1"; psql_q "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) $2"; echo; }
DAY_FROM="$(date -u -d '-29 days' +%Y-%m-%dT00:00:00Z)"
DAY_TO="$(date -u +%Y-%m-%dT00:00:00Z)"
HOUR_FROM="$(date -u -d '-30 days' +%Y-%m-%dT%H:00:00Z)"
{
  explain "summary 30d: violation totals (hourly edges + daily)" "
    SELECT camera_id, violation_type, status, sum(violation_count), sum(confidence_sum) FROM (
      SELECT camera_id, violation_type, status, violation_count, confidence_sum FROM violation_hourly_rollups
       WHERE (hour >= '${HOUR_FROM}' AND hour < '${DAY_FROM}') OR (hour >= '${DAY_TO}' AND hour < '${NOW_HOUR}')
      UNION ALL
      SELECT camera_id, violation_type, status, violation_count, confidence_sum FROM violation_daily_rollups
       WHERE day >= '${DAY_FROM}' AND day < '${DAY_TO}') r GROUP BY 1, 2, 3"
  explain "camera statistics 30d: processing_ms histogram" "
    SELECT u.slot, sum(u.n) FROM (
      SELECT processing_ms_histogram AS h FROM detection_hourly_rollups
       WHERE camera_id = 'cam7' AND ((hour >= '${HOUR_FROM}' AND hour < '${DAY_FROM}') OR (hour >= '${DAY_TO}' AND hour < '${NOW_HOUR}'))
      UNION ALL
      SELECT processing_ms_histogram FROM detection_daily_rollups WHERE camera_id = 'cam7' AND day >= '${DAY_FROM}' AND day < '${DAY_TO}') r
     CROSS JOIN LATERAL unnest(r.h) WITH ORDINALITY AS u (n, slot) GROUP BY u.slot"
  explain "camera statistics 30d: hourly first/last for gaps" "
    SELECT first_detected_at, last_detected_at FROM detection_hourly_rollups
     WHERE camera_id = 'cam7' AND hour >= '${HOUR_FROM}' AND hour < '${NOW_HOUR}' ORDER BY hour"
  explain "events: total from rollups (no filter)" "
    SELECT (SELECT coalesce(sum(violation_count), 0) FROM violation_daily_rollups)"
  explain "detection records: keyset page at depth 10 000" "
    SELECT id FROM detection_records WHERE camera_id = 'cam7'
       AND (detected_at, id) < ((SELECT detected_at FROM detection_records WHERE id = ${DEEP_CURSOR#*_}), ${DEEP_CURSOR#*_})
     ORDER BY detected_at DESC, id DESC LIMIT 50"
} >"${EXPLAIN}"
log "wrote ${RESULTS} and ${EXPLAIN}"
cat "${RESULTS}"
exit $(( FAILURES > 0 ))
