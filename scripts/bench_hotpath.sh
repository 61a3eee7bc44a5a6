#!/usr/bin/env bash
# What the migration machinery costs on the request path, over HTTP (docs/performance.md, "Hot path"; not run by CI).
#
#   nice -n 10 bash scripts/bench_hotpath.sh
#
# 1. builds the API in Release, starts it (Development, demo data, Benchmarks:BareEndpoints=true) on a fresh local
#    PostgreSQL, loads BENCH_RECORDS detections through HTTP, and puts nginx (loopback, keep-alive upstream) in front;
# 2. pairs, interleaved, BENCH_PAIRS times (order rotated per pair), with wrk -t1 -cBENCH_CONNECTIONS -dBENCH_DURATION:
#    (i)   the statistics summary through the whole pipeline (domain at 100 %, parity sampling 0 %),
#    (ii)  the same domain handler on the benchmark-only bare route (same SQL, no MediatR, no behavior),
#    (iii) (i) again through nginx: the strangler-fig proxy hop;
# 3. BENCH_ALTERNATING_RUNS runs of one connection alternating (i) and (ii) request by request: the server's own mean
#    duration per route (http.server.request.duration) over the same seconds, so a slower or faster machine moment
#    weighs on both routes alike (the pairs above are seconds apart, and this machine's speed changes between runs);
# 4. BENCH_SAMPLING_PAIRS pairs of the summary with parity sampling at 0 % and at 100 % (under Parity:Budget),
#    switched at run time through the operator API, then the parity report's sampled / compared / skipped counts;
# 5. the same pairs and alternating runs again with Snapshots:Enabled=false (the API restarted on the same data), where
#    the domain handler reads the rollups in PostgreSQL on every request: the issue's own set-up ("a bare endpoint doing
#    the same SQL"), against the cached answer of 2-4, the pipeline's worst case;
# 6. prints the medians, each ratio against its baseline of the same pair, and the spread of the ratios
#    (also written to .data/bench-hotpath/results.md; raw wrk output in wrk.log).
#
# Knobs: BENCH_RECORDS (30000), BENCH_PAIRS (9), BENCH_ALTERNATING_RUNS (9), BENCH_SAMPLING_PAIRS (9), BENCH_SQL_PAIRS
# (9; 0 skips step 5; BENCH_PAIRS and BENCH_ALTERNATING_RUNS 0 skip theirs too), BENCH_SAMPLING_RATE (100; 0 makes the
# sampling pairs an A/A control), BENCH_API_SETTINGS (NAME=VALUE words for the API's environment, e.g.
# Parity__Budget__ShadowMillisecondsPerSecond=10), BENCH_DURATION (10s), BENCH_CONNECTIONS (8), BENCH_PERIOD (7d),
# BENCH_PORT, BENCH_API_KEY.
# Everything runs on the same cores as the service: compare ratios, not absolute numbers, and read the load average
# printed with them.
#
# Why 10 s runs: the service does periodic work of its own whatever the route (the summary's snapshot is refreshed in the
# background every Snapshots:…:FreshSeconds, 10 s; rollout evidence is published every 5 s). With shorter runs that
# work lands in some runs and not in others, and with the rotation's fixed period (≈ 3 × 3.5 s) in the same slots for
# several rounds in a row (in a 31-round run of 3 s runs, the last twelve rounds gave 1.05–1.14 in one slot and 0.65–0.97
# in the other two). A run as long as the longest period holds about the same share of it, whichever route it measures:
# 10 s runs narrowed the pipeline/bare spread from 0.65–1.29 (3 s) to 0.85–1.09 and 0.85–1.22.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RECORDS="${BENCH_RECORDS:-30000}"
PAIRS="${BENCH_PAIRS:-9}"
SAMPLING_PAIRS="${BENCH_SAMPLING_PAIRS:-9}"
ALTERNATING_RUNS="${BENCH_ALTERNATING_RUNS:-9}"
SQL_PAIRS="${BENCH_SQL_PAIRS:-9}"
DURATION="${BENCH_DURATION:-10s}"
CONNECTIONS="${BENCH_CONNECTIONS:-8}"
PERIOD="${BENCH_PERIOD:-7d}"
# shellcheck source=scripts/bench_lib.sh
source "${ROOT}/scripts/bench_lib.sh"
PORT="${BENCH_PORT:-$(free_port)}"
NGINX_PORT="$(free_port)"
BASE="http://127.0.0.1:${PORT}"
AUTH="X-Api-Key: ${BENCH_API_KEY:-dev-admin-key-change-me}"
WORK="${ROOT}/.data/bench-hotpath"
PG_DATA="${ROOT}/.data/bench-hotpath-postgres"
RESULTS="${WORK}/results.md"
ENDPOINT=GetStatisticsSummary
BENCH_NAME=hotpath
NGINX_PID=""
stop_all() {
  if [[ -n "${NGINX_PID}" ]] && kill -0 "${NGINX_PID}" 2>/dev/null; then kill -TERM "${NGINX_PID}"; fi
  stop_api
}
trap stop_all EXIT
ensure_packages wrk nginx

LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
log "building Release"
build_api
rm -rf "${WORK}"
mkdir -p "${WORK}/load" "${WORK}/nginx"
: >"${WORK}/samples.tsv"; : >"${WORK}/alternating.tsv"
python3 "${ROOT}/scripts/bench_data.py" "${WORK}/load" batch "${RECORDS}" 1000 30 1
# shellcheck disable=SC2086 # BENCH_API_SETTINGS is a list of NAME=VALUE words
start_api Benchmarks__BareEndpoints=true ${BENCH_API_SETTINGS:-}
log "loading ${RECORDS} detections"
ingest_files "${WORK}"/load/*.json
psql_q "VACUUM ANALYZE"

cat >"${WORK}/nginx/nginx.conf" <<NGINX
worker_processes 1;
daemon off;
pid ${WORK}/nginx/nginx.pid;
error_log ${WORK}/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${WORK}/nginx/body;
  proxy_temp_path ${WORK}/nginx/proxy;
  fastcgi_temp_path ${WORK}/nginx/fastcgi;
  uwsgi_temp_path ${WORK}/nginx/uwsgi;
  scgi_temp_path ${WORK}/nginx/scgi;
  upstream api { server 127.0.0.1:${PORT}; keepalive 32; }
  server {
    listen 127.0.0.1:${NGINX_PORT};
    location / {
      proxy_pass http://api;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
    }
  }
}
NGINX
nginx -e "${WORK}/nginx/error.log" -p "${WORK}/nginx" -c "${WORK}/nginx/nginx.conf" &
NGINX_PID=$!

# The pipelined endpoint: domain at 100 % (a percentage decision, as in production), parity sampling off.
rollout() { # JSON body of PUT …/endpoints/GetStatisticsSummary
  curl -fs -o /dev/null -X PUT -H "${AUTH}" -H 'Content-Type: application/json' --data "$1" \
    "${BASE}/api/v1/admin/rollout/endpoints/${ENDPOINT}"
}
rollout '{"percentage":100,"parity_sample_rate":0,"reason":"bench_hotpath"}'

PIPELINED="${BASE}/api/v1/records/statistics/summary?period=${PERIOD}"
BARE="${BASE}/api/v1/benchmarks/bare/statistics/summary?period=${PERIOD}"
PROXIED="http://127.0.0.1:${NGINX_PORT}/api/v1/records/statistics/summary?period=${PERIOD}"
warm_up() { # urls...
  for url in "$@"; do
    for _ in $(seq 1 30); do curl -fs -o /dev/null -H "${AUTH}" "${url}" && break; sleep 0.5; done
    status="$(curl -s -o /dev/null -H "${AUTH}" -w '%{http_code}' "${url}")"
    [[ "${status}" == 200 ]] || { log "${url} answered ${status}"; exit 1; }
    wrk -t1 -c"${CONNECTIONS}" -d5s -H "${AUTH}" "${url}" >/dev/null # warm-up: JIT and its tiering, pools, caches
  done
  [[ "$(curl -s -D - -o /dev/null -H "${AUTH}" "${PIPELINED}" | tr -d '\r' | awk -F': ' 'tolower($1) == "x-served-by" { print $2 }')" == domain ]] \
    || { log "the pipelined summary was not served by the domain path"; exit 1; }
  # The build, the ingest and the warm-up leave the load average high; runs started then measure their tail. Wait (at
  # most two minutes) for the 1-minute load average to fall below 1.
  for _ in $(seq 1 24); do awk '{ exit !($1 < 1.0) }' /proc/loadavg && break; sleep 5; done
  log "load average before the runs: $(cut -d' ' -f1-3 /proc/loadavg)"
}
warm_up "${PIPELINED}" "${BARE}" "${PROXIED}"

PROBLEMS=0
# The API process's own cost per request beside the rates: CPU time (utime + stime from /proc, in clock ticks) and bytes
# allocated (the runtime's counter on /metrics). Wall-clock rates swing with whatever else shares the two cores; these
# two swing much less, so they show what the pipeline adds even when the req/s ratios are noisy.
api_cpu_ticks() { awk '{ print $14 + $15 }' "/proc/${API_PID}/stat"; }
api_allocated() { curl -fs "${BASE}/metrics" | awk '/^dotnet_gc_heap_total_allocated_bytes/ { print $2 }'; }
measure() { # kind pair url -> appends "kind pair rps p50 p99 cpu_us_per_request bytes_per_request" to samples.tsv
  local out problems ticks0 bytes0 ticks1 bytes1 requests
  ticks0="$(api_cpu_ticks)"; bytes0="$(api_allocated)"
  out="$(wrk -t1 -c"${CONNECTIONS}" -d"${DURATION}" --latency -H "${AUTH}" "$3")"
  ticks1="$(api_cpu_ticks)"; bytes1="$(api_allocated)"
  requests="$(awk '/requests in/ { print $1 }' <<<"${out}")"
  echo "== $1 pair $2: $3"$'\n'"${out}" >>"${WORK}/wrk.log"
  problems="$(wrk_problems "${out}")"
  if [[ -n "${problems}" ]]; then log "PROBLEM: $1: ${problems}"; PROBLEMS=$((PROBLEMS + 1)); fi
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$(wrk_rps "${out}")" "$(wrk_percentile "${out}" 50%)" \
    "$(wrk_percentile "${out}" 99%)" \
    "$(awk -v t=$((ticks1 - ticks0)) -v n="${requests}" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.1f", t * 1e6 / hz / n }')" \
    "$(awk -v b="$(awk -v a="${bytes1}" -v z="${bytes0}" 'BEGIN { print a - z }')" -v n="${requests}" 'BEGIN { printf "%.0f", b / n }')" \
    | tee -a "${WORK}/samples.tsv" >&2
}

log "pipeline vs bare vs nginx: ${PAIRS} rounds of wrk -t1 -c${CONNECTIONS} -d${DURATION}, order rotated per round"
ORDERS=("pipelined bare proxied" "bare proxied pipelined" "proxied pipelined bare")
declare -A URL=([pipelined]="${PIPELINED}" [bare]="${BARE}" [proxied]="${PROXIED}")
for (( pair = 1; pair <= PAIRS; pair++ )); do
  for kind in ${ORDERS[$(( (pair - 1) % 3 ))]}; do measure "${kind}" "${pair}" "${URL[${kind}]}"; done
done

# One connection, the two routes alternating request by request (wrk's Lua request hook); per route the server's mean
# duration from the http.server.request.duration histogram's sum and count on /metrics, before and after the run.
write_alternating_lua "${WORK}/alternate.lua" "${PIPELINED#"${BASE}"}" "${BARE#"${BASE}"}"
route_durations() { # -> "pipelined_sum pipelined_count bare_sum bare_count" of the two routes' 200 answers
  curl -fs "${BASE}/metrics" | awk -v p="http_route=\"${PIPELINED_ROUTE}\"" -v b="http_route=\"${BARE_ROUTE}\"" '
    /^http_server_request_duration_seconds_(sum|count)\{/ && /http_response_status_code="200"/ {
      r = index($0, p) ? "p" : index($0, b) ? "b" : ""; if (r == "") next
      v[r ($0 ~ /_sum\{/ ? "s" : "n")] = $NF }
    END { printf "%s %s %s %s\n", v["ps"] + 0, v["pn"] + 0, v["bs"] + 0, v["bn"] + 0 }'
}
PIPELINED_ROUTE="$(sed -E 's|^https?://[^/]+||; s|\?.*||' <<<"${PIPELINED}")"
BARE_ROUTE="$(sed -E 's|^https?://[^/]+||; s|\?.*||' <<<"${BARE}")"
alternate() { # kind run -> appends "kind run pipelined_us bare_us" to alternating.tsv
  local before after out problems
  before="$(route_durations)"
  out="$(wrk -t1 -c1 -d"${DURATION}" -s "${WORK}/alternate.lua" "${BASE}")"
  after="$(route_durations)"
  echo "== $1 run $2 (alternating)"$'\n'"${out}" >>"${WORK}/wrk.log"
  problems="$(wrk_problems "${out}")"
  if [[ -n "${problems}" ]]; then log "PROBLEM: $1: ${problems}"; PROBLEMS=$((PROBLEMS + 1)); fi
  awk -v k="$1" -v r="$2" -v a="${before}" -v z="${after}" 'BEGIN {
    split(a, x, " "); split(z, y, " ")
    printf "%s\t%s\t%.2f\t%.2f\n", k, r, (y[1] - x[1]) / (y[2] - x[2]) * 1e6, (y[3] - x[3]) / (y[4] - x[4]) * 1e6 }' \
    | tee -a "${WORK}/alternating.tsv" >&2
}
log "alternating requests: ${ALTERNATING_RUNS} runs of wrk -t1 -c1 -d${DURATION}"
for (( run = 1; run <= ALTERNATING_RUNS; run++ )); do alternate alternating "${run}"; done

# BENCH_SAMPLING_RATE (100) is the rate of the "sampling-100" runs; 0 makes them an A/A control of the p99's noise.
SAMPLING_RATE="${BENCH_SAMPLING_RATE:-100}"
log "parity sampling 0 % vs ${SAMPLING_RATE} %: ${SAMPLING_PAIRS} pairs, order alternating"
for (( pair = 1; pair <= SAMPLING_PAIRS; pair++ )); do
  for kind in $( (( pair % 2 == 1 )) && echo 0 100 || echo 100 0 ); do
    rate=$(( kind == 100 ? SAMPLING_RATE : 0 ))
    rollout "{\"parity_sample_rate\":${rate},\"reason\":\"bench_hotpath\"}"
    sleep 1 # let the previous setting's queued shadow work drain out of this pair's window
    measure "sampling-${kind}" "${pair}" "${PIPELINED}"
  done
done
rollout '{"parity_sample_rate":0,"reason":"bench_hotpath"}'
PARITY="$(curl -fs -H "${AUTH}" "${BASE}/api/v1/admin/rollout/parity" | jq -c --arg e "${ENDPOINT}" \
  '.endpoints[] | select(.endpoint == $e) | {sampled, compared, skipped_for_budget, dropped_samples, mismatched}')"
FAILS="$(grep -c '^fail:' "${WORK}/api.log" || true)"

if (( SQL_PAIRS > 0 )); then
  # The same routes with the domain handler reading PostgreSQL on every request (no snapshot), the API restarted on the
  # same cluster and data; the rollout override (100 %, sampling 0 %) is stored there and applies again.
  stop_api
  cp "${WORK}/api.log" "${WORK}/api-snapshots.log"
  # shellcheck disable=SC2086
  BENCH_REUSE_PG_DATA=1 start_api Benchmarks__BareEndpoints=true Snapshots__Enabled=false ${BENCH_API_SETTINGS:-}
  warm_up "${PIPELINED}" "${BARE}"
  log "with SQL on every request: ${SQL_PAIRS} pairs of pipeline and bare, order alternating; ${ALTERNATING_RUNS} alternating runs"
  for (( pair = 1; pair <= SQL_PAIRS; pair++ )); do
    for kind in $( (( pair % 2 == 1 )) && echo pipelined bare || echo bare pipelined ); do
      measure "sql-${kind}" "${pair}" "${URL[${kind}]}"
    done
  done
  for (( run = 1; run <= ALTERNATING_RUNS; run++ )); do alternate sql-alternating "${run}"; done
  FAILS=$((FAILS + $(grep -c '^fail:' "${WORK}/api.log" || true)))
fi
LOAD_AFTER="$(cut -d' ' -f1-3 /proc/loadavg)"
stop_all

python3 - "${WORK}/samples.tsv" "${WORK}/alternating.tsv" >"${RESULTS}.tables" <<'PY'
import statistics, sys
rows = [line.split("\t") for line in open(sys.argv[1]) if line.strip()]
alternating = [line.split("\t") for line in open(sys.argv[2]) if line.strip()]
runs = {}
for kind, pair, rps, p50, p99, cpu, allocated in rows:
    runs.setdefault(kind, {})[int(pair)] = (float(rps), float(p50), float(p99), float(cpu), float(allocated))

def compare(kind, baseline, label):
    if kind not in runs or baseline not in runs:  # that step was switched off (BENCH_*PAIRS=0)
        return
    pairs = sorted(set(runs[kind]) & set(runs[baseline]))
    ratios = [runs[kind][p][0] / runs[baseline][p][0] for p in pairs]
    p50_delta = [(runs[kind][p][1] - runs[baseline][p][1]) * 1000 for p in pairs]
    p99_ratios = [runs[kind][p][2] / runs[baseline][p][2] for p in pairs]
    med = lambda k, i: statistics.median(runs[k][p][i] for p in pairs)
    print(f"| {label} | {len(pairs)} | {med(kind, 0):.0f} | {med(baseline, 0):.0f} | **{statistics.median(ratios):.3f}** "
          f"| {min(ratios):.3f}–{max(ratios):.3f} | {med(kind, 1):.2f} / {med(baseline, 1):.2f} | {statistics.median(p50_delta):+.0f} "
          f"| {med(kind, 2):.2f} / {med(baseline, 2):.2f} | {statistics.median(p99_ratios):.3f} |")

print("| comparison (vs baseline of the same pair) | pairs | req/s | baseline req/s | req/s ratio (median) | ratio spread (min–max) "
      "| p50 ms (vs baseline) | p50 Δ µs (median) | p99 ms (vs baseline) | p99 ratio (median) |")
print("|---|---:|---:|---:|---:|---|---:|---:|---:|---:|")
compare("pipelined", "bare", "pipeline vs bare endpoint (same handler, cached answer)")
compare("proxied", "pipelined", "through nginx vs direct (strangler-fig hop)")
compare("sampling-100", "sampling-0", "parity sampling 100 % vs 0 % (under Parity:Budget)")
if "sql-pipelined" in runs:
    compare("sql-pipelined", "sql-bare", "with SQL on every request: pipeline vs bare")

def cost(kind, baseline, label):
    if kind not in runs or baseline not in runs:
        return
    pairs = sorted(set(runs[kind]) & set(runs[baseline]))
    med = lambda k, i: statistics.median(runs[k][p][i] for p in pairs)
    cpu_delta = [runs[kind][p][3] - runs[baseline][p][3] for p in pairs]
    print(f"| {label} | {med(kind, 3):.1f} / {med(baseline, 3):.1f} | {statistics.median(cpu_delta):+.1f} "
          f"| {statistics.median(cpu_delta) / med(baseline, 3) * 100:+.1f} % | {min(cpu_delta):+.1f} – {max(cpu_delta):+.1f} "
          f"| {med(kind, 4):.0f} / {med(baseline, 4):.0f} | {med(kind, 4) - med(baseline, 4):+.0f} |")

print()
print("| API process cost per request | CPU µs (vs baseline, medians) | CPU Δ µs (median of pairs) | CPU Δ share | CPU Δ spread "
      "| bytes allocated (vs baseline) | bytes Δ |")
print("|---|---:|---:|---:|---|---:|---:|")
cost("pipelined", "bare", "pipeline vs bare endpoint")
cost("sampling-100", "sampling-0", "parity sampling 100 % vs 0 %")
if "sql-pipelined" in runs:
    cost("sql-pipelined", "sql-bare", "with SQL on every request: pipeline vs bare")

print()
print("| alternating requests, one connection (server's mean duration per route) | runs | pipeline µs | bare µs "
      "| ratio (median) | ratio spread | Δ µs (median) | Δ / bare CPU µs per request of the pairs |")
print("|---|---:|---:|---:|---:|---|---:|---:|")
for kind, label, baseline in (("alternating", "cached answer (snapshot)", "bare"), ("sql-alternating", "with SQL on every request", "sql-bare")):
    measured = [(float(p), float(b)) for k, _, p, b in alternating if k == kind]
    if not measured:
        continue
    ratios = [p / b for p, b in measured]
    deltas = [p - b for p, b in measured]
    bare_cpu = statistics.median(runs[baseline][pair][3] for pair in runs[baseline])
    print(f"| {label} | {len(measured)} | {statistics.median(p for p, _ in measured):.1f} | {statistics.median(b for _, b in measured):.1f} "
          f"| **{statistics.median(ratios):.3f}** | {min(ratios):.3f}–{max(ratios):.3f} | {statistics.median(deltas):+.2f} "
          f"| {statistics.median(deltas) / bare_cpu * 100:.1f} % of {bare_cpu:.1f} |")
PY
{
  echo "Run $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores, $(uname -r); wrk -t1 -c${CONNECTIONS} -d${DURATION} per run;"
  echo "\`GET /api/v1/records/statistics/summary?period=${PERIOD}\` over ${RECORDS} generated + demo detections."
  echo "Load average (1/5/15 min) before: ${LOAD_BEFORE}; after: ${LOAD_AFTER}."
  echo
  cat "${RESULTS}.tables"
  echo
  echo "Parity report of ${ENDPOINT} after the sampling pairs: ${PARITY}."
  echo "API log: ${FAILS} error lines; wrk problems (non-2xx, socket errors): ${PROBLEMS}."
} | tee "${RESULTS}"
