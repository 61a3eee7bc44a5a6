#!/usr/bin/env bash
# Performance measurements for docs/performance.md (not run by CI).
#
#   bash scripts/bench.sh
#
# 1. builds the API and the ingest baseline tool in Release;
# 2. starts the API (Development, demo data) on its own fresh local PostgreSQL under .data/bench-postgres;
# 3. ingests BENCH_RECORDS extra detections over 30 days through POST /api/v1/records/detection-records
#    (batches of 1000, alternating force_domain=true/false; this is also the ingest measurement);
# 4. runs wrk against every read endpoint with force_domain=true and =false (domain vs legacy, same run);
# 5. compares ingest of the same batch files: HTTP (both paths) vs the COPY writer vs row-by-row INSERT;
# 6. stops the API with SIGTERM (it stops its PostgreSQL) and prints Markdown tables (also written to
#    .data/bench/results.md).
#
# Knobs (environment): BENCH_RECORDS (200000), BENCH_DURATION (10s), BENCH_SINGLE_DURATION (5s), BENCH_CONNECTIONS (16),
# BENCH_THREADS (2), BENCH_COMPARE_BATCHES (20), BENCH_PORT (a free port), BENCH_API_KEY (the Development all-roles key;
# every /api/v1 call carries it in X-Api-Key, see docs/security.md).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RECORDS="${BENCH_RECORDS:-200000}"
BATCH_SIZE=1000
DAYS=30
DURATION="${BENCH_DURATION:-10s}"
SINGLE_DURATION="${BENCH_SINGLE_DURATION:-5s}"
CONNECTIONS="${BENCH_CONNECTIONS:-16}"
THREADS="${BENCH_THREADS:-2}"
COMPARE_BATCHES="${BENCH_COMPARE_BATCHES:-20}"
PORT="${BENCH_PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}"
BASE="http://127.0.0.1:${PORT}"
AUTH="X-Api-Key: ${BENCH_API_KEY:-dev-admin-key-change-me}"
WORK="${ROOT}/.data/bench"
PG_DATA="${ROOT}/.data/bench-postgres"
RESULTS="${WORK}/results.md"
BENCH_NAME=bench
# shellcheck source=scripts/bench_lib.sh
source "${ROOT}/scripts/bench_lib.sh"
trap stop_api EXIT
ensure_packages wrk

LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)" # other work on the machine skews every absolute number
log "building Release"
build_api
dotnet build "${ROOT}/benchmarks/CameraMonitor.IngestBaseline/CameraMonitor.IngestBaseline.csproj" -c Release -v quiet -nologo >/dev/null

rm -rf "${WORK}" "${PG_DATA}"
mkdir -p "${WORK}/load" "${WORK}/compare"
log "generating ${RECORDS} detections over ${DAYS} days (+ ${COMPARE_BATCHES} comparison batches)"
python3 "${ROOT}/scripts/bench_data.py" "${WORK}/load" batch "${RECORDS}" "${BATCH_SIZE}" "${DAYS}" 1
python3 "${ROOT}/scripts/bench_data.py" "${WORK}/compare" batch "$((COMPARE_BATCHES * BATCH_SIZE))" "${BATCH_SIZE}" "${DAYS}" 2

start_api

log "ingesting $(ls "${WORK}/load" | wc -l) batches of ${BATCH_SIZE} through HTTP"
started=$(date +%s)
ingest_files "${WORK}"/load/*.json
log "loaded in $(( $(date +%s) - started )) s"
LOAD_DOMAIN_RPS="$(echo "${INGEST_RECORDS[true]} / ${INGEST_SECONDS[true]}" | bc -l)"
LOAD_LEGACY_RPS="$(echo "${INGEST_RECORDS[false]} / ${INGEST_SECONDS[false]}" | bc -l)"
psql_q "VACUUM ANALYZE" # settle visibility maps and statistics so both paths' plans see the real table sizes
DETECTIONS="$(psql_q 'SELECT count(*) FROM detection_records')"
VIOLATIONS="$(psql_q 'SELECT count(*) FROM violations')"
ROLLUP_ROWS="$(psql_q 'SELECT (SELECT count(*) FROM detection_hourly_rollups) || '"'"' / '"'"' || (SELECT count(*) FROM violation_hourly_rollups)')"

# --- reads: wrk per endpoint and path ---------------------------------------------------------------
READS=(
  "/api/v1/cameras"
  "/api/v1/records/statistics/summary?period=30d"
  "/api/v1/records/statistics/cam0?period=30d"
  "/api/v1/statistics/daily?days=30"
  "/api/v1/records/detection-records/cam0?limit=50"
  "/api/v1/statistics/events?limit=50"
)
READ_ROWS=()
SINGLE_ROWS=()
ERRORS=0
for endpoint in "${READS[@]}"; do
  declare -A RPS=() P50=() P99=() S50=()
  for path in true false; do
    sep='?'; [[ "${endpoint}" == *\?* ]] && sep='&'
    url="${BASE}${endpoint}${sep}force_domain=${path}"
    expected=domain; [[ "${path}" == false ]] && expected=legacy
    served="$(curl -s -o /dev/null -H "${AUTH}" -D - "${url}" | tr -d '\r' | awk -F': ' 'tolower($1) == "x-served-by" { print $2 }')"
    status="$(curl -s -o /dev/null -H "${AUTH}" -w '%{http_code}' "${url}")"
    if [[ "${status}" != 200 || "${served}" != "${expected}" ]]; then
      log "PROBLEM: ${url} answered ${status}, X-Served-By: ${served} (expected 200 ${expected})"
      ERRORS=$((ERRORS + 1))
    fi
    wrk -t"${THREADS}" -c"${CONNECTIONS}" -d2s -H "${AUTH}" "${url}" >/dev/null # warm-up: JIT, pools, caches
    out="$(wrk -t"${THREADS}" -c"${CONNECTIONS}" -d"${DURATION}" --latency -H "${AUTH}" "${url}")"
    echo "== ${url}"$'\n'"${out}" >>"${WORK}/wrk.log"
    RPS[${path}]="$(wrk_rps "${out}")"
    P50[${path}]="$(wrk_percentile "${out}" 50%)"
    P99[${path}]="$(wrk_percentile "${out}" 99%)"
    problems="$(wrk_problems "${out}")"
    if [[ -n "${problems}" ]]; then
      log "PROBLEM under load: ${url}: ${problems}"
      ERRORS=$((ERRORS + 1))
    fi
    # One client, one request at a time: the service time without the queueing of 16 connections on 2 cores.
    out="$(wrk -t1 -c1 -d"${SINGLE_DURATION}" --latency -H "${AUTH}" "${url}")"
    echo "== ${url} (single client)"$'\n'"${out}" >>"${WORK}/wrk.log"
    S50[${path}]="$(wrk_percentile "${out}" 50%)"
    log "$(printf '%-60s %-6s %9s req/s  p50 %8s ms  p99 %8s ms  single-client p50 %8s ms' "${endpoint}" "${expected}" \
      "${RPS[${path}]}" "${P50[${path}]}" "${P99[${path}]}" "${S50[${path}]}")"
  done
  SINGLE_ROWS+=("$(printf '| `%s` | %s | %s | %.2f |' "${endpoint}" "${S50[true]}" "${S50[false]}" \
    "$(echo "${S50[false]} / ${S50[true]}" | bc -l)")")
  READ_ROWS+=("$(printf '| `%s` | %.0f | %s | %s | %.0f | %s | %s | %.2f |' "${endpoint}" \
    "${RPS[true]}" "${P50[true]}" "${P99[true]}" "${RPS[false]}" "${P50[false]}" "${P99[false]}" \
    "$(echo "${RPS[true]} / ${RPS[false]}" | bc -l)")")
  unset RPS P50 P99 S50
done

# --- ingest comparison: the same batch files through each way of writing ----------------------------
log "ingest comparison: ${COMPARE_BATCHES} batches, COPY writer vs row-by-row INSERT (direct, interleaved)"
BASELINE_OUT="$(dotnet "${ROOT}/benchmarks/CameraMonitor.IngestBaseline/bin/Release/net10.0/CameraMonitor.IngestBaseline.dll" \
  "${PG_CONN}" "${WORK}"/compare/*.json)"
echo "${BASELINE_OUT}" >&2
field() { awk -v m="mode=$1" -v k="$2=" '$1 == m { for (i = 1; i <= NF; i++) if (index($i, k) == 1) print substr($i, length(k) + 1) }' <<<"${BASELINE_OUT}"; }
COPY_RPS="$(field copy records_per_s)"
INSERT_RPS="$(field insert records_per_s)"
log "ingest comparison: the same batches through HTTP, domain and legacy interleaved"
INGEST_SECONDS=([true]=0 [false]=0); INGEST_RECORDS=([true]=0 [false]=0)
n=0
for file in "${WORK}"/compare/*.json; do # domain first on even batches, legacy first on odd ones
  for path in $( (( n % 2 == 0 )) && echo true false || echo false true ); do
    secs="$(post_batch "${file}" "${path}")"
    INGEST_SECONDS[${path}]="$(echo "${INGEST_SECONDS[${path}]} + ${secs}" | bc -l)"
    INGEST_RECORDS[${path}]=$(( INGEST_RECORDS[${path}] + $(jq length "${file}") ))
  done
  n=$((n + 1))
done
HTTP_DOMAIN_RPS="$(echo "${INGEST_RECORDS[true]} / ${INGEST_SECONDS[true]}" | bc -l)"
HTTP_LEGACY_RPS="$(echo "${INGEST_RECORDS[false]} / ${INGEST_SECONDS[false]}" | bc -l)"

# Concurrent writers look for errors under load (deadlocks, 5xx): 4 clients, 2 per path, all 201 or reported.
CLIENTS=4
log "concurrent ingest: ${CLIENTS} clients posting the ${COMPARE_BATCHES} comparison batches once more"
mapfile -t COMPARE_FILES < <(ls "${WORK}"/compare/*.json)
started="$(date +%s.%N)"
CLIENT_PIDS=()
for (( k = 0; k < CLIENTS; k++ )); do
  (
    path=true; (( k % 2 == 1 )) && path=false
    for (( j = k; j < ${#COMPARE_FILES[@]}; j += CLIENTS )); do
      curl -s -o /dev/null -w "%{http_code} force_domain=${path} ${COMPARE_FILES[j]}\n" -X POST -H "${AUTH}" \
        -H 'Content-Type: application/json' --data-binary "@${COMPARE_FILES[j]}" \
        "${BASE}/api/v1/records/detection-records?force_domain=${path}"
    done
  ) >"${WORK}/concurrent-${k}.codes" &
  CLIENT_PIDS+=($!)
done
wait "${CLIENT_PIDS[@]}"
CONCURRENT_RPS="$(echo "${COMPARE_BATCHES} * ${BATCH_SIZE} / ($(date +%s.%N) - ${started})" | bc -l)"
CONCURRENT_BAD="$(cat "${WORK}"/concurrent-*.codes | awk '$1 != 201' | tee "${WORK}/concurrent-failures.txt" | wc -l)"
if (( CONCURRENT_BAD > 0 )); then
  log "PROBLEM: ${CONCURRENT_BAD} concurrent ingest requests did not answer 201 (see ${WORK}/concurrent-failures.txt)"
  ERRORS=$((ERRORS + CONCURRENT_BAD))
fi

FAILS="$(grep -c '^fail:' "${WORK}/api.log" || true)"
WARNS="$(grep -c '^warn:' "${WORK}/api.log" || true)"
stop_api

ratio() { printf '%.2f' "$(echo "$1 / ${INSERT_RPS}" | bc -l)"; }
{
  echo "Run $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores, $(uname -r); wrk -t${THREADS} -c${CONNECTIONS} -d${DURATION}."
  echo "Load average (1/5/15 min) before: ${LOAD_BEFORE}; after: $(cut -d' ' -f1-3 /proc/loadavg)."
  echo "Data: ${DETECTIONS} detections, ${VIOLATIONS} violations, rollup rows (detection / violation) ${ROLLUP_ROWS}."
  echo
  echo "| endpoint | domain req/s | domain p50 ms | domain p99 ms | legacy req/s | legacy p50 ms | legacy p99 ms | domain/legacy req/s |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|"
  printf '%s\n' "${READ_ROWS[@]}"
  echo
  echo "Single client (wrk -t1 -c1 -d${SINGLE_DURATION}), median latency:"
  echo
  echo "| endpoint | domain p50 ms | legacy p50 ms | legacy/domain p50 |"
  echo "|---|---:|---:|---:|"
  printf '%s\n' "${SINGLE_ROWS[@]}"
  echo
  echo "Ingest, ${COMPARE_BATCHES} batches of ${BATCH_SIZE} (the same files for every row), one client, one batch at a time:"
  echo
  echo "| way of writing | records/s | vs row-by-row INSERT |"
  echo "|---|---:|---:|"
  printf '| HTTP POST, domain path (COPY) | %.0f | %s |\n' "${HTTP_DOMAIN_RPS}" "$(ratio "${HTTP_DOMAIN_RPS}")"
  printf '| HTTP POST, legacy path (COPY) | %.0f | %s |\n' "${HTTP_LEGACY_RPS}" "$(ratio "${HTTP_LEGACY_RPS}")"
  printf '| DetectionIngestWriter direct (COPY + rollups) | %.0f | %s |\n' "${COPY_RPS}" "$(ratio "${COPY_RPS}")"
  printf '| row-by-row prepared INSERT + rollups (baseline) | %.0f | 1.00 |\n' "${INSERT_RPS}"
  echo
  printf 'Load phase (%s records through HTTP, batches alternating paths): domain %.0f records/s, legacy %.0f records/s.\n' \
    "${RECORDS}" "${LOAD_DOMAIN_RPS}" "${LOAD_LEGACY_RPS}"
  printf 'Concurrent ingest (%s clients, half per path, %s batches): %.0f records/s, %s answers other than 201.\n' \
    "${CLIENTS}" "${COMPARE_BATCHES}" "${CONCURRENT_RPS}" "${CONCURRENT_BAD}"
  echo "API log: ${FAILS} error lines, ${WARNS} warning lines; problems found by the script: ${ERRORS}."
} | tee "${RESULTS}"
