#!/usr/bin/env bash
# Where the pipelined summary's CPU goes against the bare route's, from a CPU profile of one API process serving both
# routes in the same seconds (docs/performance.md, "Hot path", fifth round; not run by CI).
#
#   nice -n 10 bash scripts/profile_hotpath.sh
#
# 1. builds the API in Release and starts it like bench_hotpath.sh (Development, demo data, Benchmarks:BareEndpoints=true,
#    BENCH_RECORDS detections loaded over HTTP), with the runtime's perf map on and W^X off so that perf can name
#    JIT-compiled frames, and PROFILE_API_SETTINGS (NAME=VALUE words, e.g. Snapshots__Enabled=false for SQL on every
#    request, as in bench_hotpath.sh's step 5);
# 2. for each connection count in PROFILE_CONNECTIONS ("8 1"), runs wrk with requests alternating between the pipelined
#    summary and the bare route for PROFILE_SECONDS (20) under `perf record -g` (software clock, PROFILE_HZ = 1999);
# 3. attributes every sample whose stack holds one route's own request delegate (the delegates ASP.NET Core generates
#    per endpoint, told apart by the endpoint method found under them) to that route, and prints per route the CPU µs per
#    request spent under its delegate (binding, endpoint filter, mediator, behaviors, handler, JSON), their difference,
#    and the pipeline's own frames (under the mediator, without the handler and its resolution), heaviest first; then the
#    same per route following the continuations too (with SQL, what runs after PostgreSQL answers is called by the awaited
#    code's completion, not by the delegate: a sample counts for a route when its endpoint method's state machine or, for
#    the pipelined route, a frame of the pipeline is on the stack), with the heaviest frames after an await per route.
# Both routes share every second of a run, so a slower or faster machine moment weighs on both alike. What the
# delegates do not cover (Kestrel, authentication, the middleware, the X-Served-By header) is not attributed.
# Needs perf (Debian: linux-perf; installed when missing). Output: .data/profile-hotpath/results.md.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RECORDS="${BENCH_RECORDS:-30000}"
CONNECTION_COUNTS="${PROFILE_CONNECTIONS:-8 1}"
SECONDS_PER_RUN="${PROFILE_SECONDS:-20}"
HZ="${PROFILE_HZ:-1999}"
# shellcheck source=scripts/bench_lib.sh
source "${ROOT}/scripts/bench_lib.sh"
PORT="${BENCH_PORT:-$(free_port)}"
BASE="http://127.0.0.1:${PORT}"
AUTH="X-Api-Key: ${BENCH_API_KEY:-dev-admin-key-change-me}"
WORK="${ROOT}/.data/profile-hotpath"
PG_DATA="${ROOT}/.data/profile-hotpath-postgres"
RESULTS="${WORK}/results.md"
BENCH_NAME=profile
trap stop_api EXIT
ensure_packages wrk
command -v perf >/dev/null || ensure_packages linux-perf

log "building Release"
build_api
rm -rf "${WORK}"
mkdir -p "${WORK}/load"
python3 "${ROOT}/scripts/bench_data.py" "${WORK}/load" batch "${RECORDS}" 1000 30 1
# shellcheck disable=SC2086 # PROFILE_API_SETTINGS is a list of NAME=VALUE words (e.g. Snapshots__Enabled=false: SQL on every request)
start_api Benchmarks__BareEndpoints=true DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 ${PROFILE_API_SETTINGS:-}
log "loading ${RECORDS} detections"
ingest_files "${WORK}"/load/*.json
psql_q "VACUUM ANALYZE"
curl -fs -o /dev/null -X PUT -H "${AUTH}" -H 'Content-Type: application/json' \
  --data '{"percentage":100,"parity_sample_rate":0,"reason":"profile_hotpath"}' "${BASE}/api/v1/admin/rollout/endpoints/GetStatisticsSummary"

write_alternating_lua "${WORK}/alternate.lua" /api/v1/records/statistics/summary?period=7d \
  /api/v1/benchmarks/bare/statistics/summary?period=7d
log "warming up (JIT tiering, pools, the snapshot)"
for _ in 1 2 3; do wrk -t1 -c8 -d10s -s "${WORK}/alternate.lua" "${BASE}" >/dev/null; done

: >"${RESULTS}"
for connections in ${CONNECTION_COUNTS}; do
  log "profiling ${SECONDS_PER_RUN} s of alternating requests on ${connections} connection(s)"
  perf record -F "${HZ}" -e cpu-clock -g -p "${API_PID}" -o "${WORK}/c${connections}.data" -- sleep "${SECONDS_PER_RUN}" \
    >/dev/null 2>&1 &
  recorder=$!
  out="$(wrk -t1 -c"${connections}" -d"${SECONDS_PER_RUN}s" -s "${WORK}/alternate.lua" "${BASE}")"
  wait "${recorder}" || true
  requests="$(awk '/requests in/ { print $1 }' <<<"${out}")"
  perf script -i "${WORK}/c${connections}.data" -F ip,sym 2>/dev/null >"${WORK}/c${connections}.stacks"
  python3 "${ROOT}/scripts/profile_attribute.py" "${WORK}/c${connections}.stacks" "${requests}" "${HZ}" "${connections}" \
    | tee -a "${RESULTS}"
done
