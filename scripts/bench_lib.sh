# Shared by the bench_*.sh and profile_hotpath.sh scripts (sourced, not run): logging, tools, a free port, starting and
# stopping the API on its own fresh PostgreSQL, batch ingest over HTTP, alternating requests and wrk output parsing. The
# functions read ROOT, WORK, PG_DATA, BASE, AUTH and BENCH_NAME when they run; the caller sets those before calling them.

API_PID=""

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# write_alternating_lua FILE PATH1 PATH2: a wrk script whose requests alternate between two paths (with AUTH's header),
# request by request, so that both routes share every second of a run (bench_hotpath.sh, profile_hotpath.sh).
write_alternating_lua() {
  cat >"$1" <<LUA
local paths = { "$2", "$3" }
local i = 0
wrk.headers["${AUTH%%:*}"] = "${AUTH#*: }"
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % 2) + 1])
end
LUA
}

log() { printf '[%s %s] %s\n' "${BENCH_NAME:-bench}" "$(date -u +%H:%M:%S)" "$*" >&2; }

stop_api() {
  if [[ -n "${API_PID}" ]] && kill -0 "${API_PID}" 2>/dev/null; then
    log "stopping the API (SIGTERM, pid ${API_PID}); it stops its PostgreSQL"
    kill -TERM "${API_PID}"
    for _ in $(seq 1 60); do kill -0 "${API_PID}" 2>/dev/null || break; sleep 1; done
  fi
  API_PID=""
}

ensure_packages() { # debian packages whose command is missing: "wrk" or "nginx"
  local missing=()
  for package in "$@"; do command -v "${package}" >/dev/null || missing+=("${package}"); done
  (( ${#missing[@]} == 0 )) && return 0
  log "installing ${missing[*]}"
  apt-get install -y "${missing[@]}" >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y "${missing[@]}" >/dev/null; }
}

build_api() { dotnet build "${ROOT}/src/Api/CameraMonitor.Api.csproj" -c Release -v quiet -nologo >/dev/null; }

# start_api [NAME=VALUE...]: Development with demo data on a fresh PostgreSQL in PG_DATA, extra settings as environment.
start_api() { # BENCH_REUSE_PG_DATA=1: PG_DATA is prepared by the caller (the API attaches to or creates the cluster there)
  [[ -n "${BENCH_REUSE_PG_DATA:-}" ]] || rm -rf "${PG_DATA}"
  log "starting the API on ${BASE} (fresh PostgreSQL in ${PG_DATA})"
  (
    cd "${ROOT}/src/Api"
    # Request-level Debug logging of Development (routing decisions) would measure the console, not the service.
    exec env ASPNETCORE_ENVIRONMENT=Development ConnectionStrings__Postgres= LocalPostgres__DataDirectory="${PG_DATA}" \
      DemoData__Load=true Logging__LogLevel__Default=Warning \
      'Logging__LogLevel__CameraMonitor.Application.Common.Behaviors=Warning' "$@" \
      dotnet bin/Release/net10.0/CameraMonitor.Api.dll --urls "${BASE}"
  ) >"${WORK}/api.log" 2>&1 &
  API_PID=$!
  for _ in $(seq 1 180); do
    curl -fs "${BASE}/health/ready" >/dev/null 2>&1 && break
    kill -0 "${API_PID}" 2>/dev/null || { cat "${WORK}/api.log" >&2; exit 1; }
    sleep 1
  done
  curl -fs "${BASE}/health/ready" >/dev/null || { log "API not ready after 180 s"; exit 1; }
  PG_PORT="$(sed -n 4p "${PG_DATA}/postmaster.pid")"
  PG_CONN="Host=127.0.0.1;Port=${PG_PORT};Username=postgres;Database=cameramonitor;Pooling=true"
}

psql_q() { psql "host=127.0.0.1 port=${PG_PORT} user=postgres dbname=cameramonitor" -Atq -c "$1"; }

# --- ingest: POST one batch file, print "seconds" (fails on anything but 201) -------------------------
post_batch() { # file force_domain
  local out code secs
  out="$(curl -s -o "${WORK}/last-ingest.json" -w '%{http_code} %{time_total}' -X POST -H "${AUTH}" \
    -H 'Content-Type: application/json' --data-binary "@$1" "${BASE}/api/v1/records/detection-records?force_domain=$2")"
  code="${out% *}"; secs="${out#* }"
  if [[ "${code}" != 201 ]]; then
    log "ingest of $1 (force_domain=$2) answered ${code}: $(head -c 500 "${WORK}/last-ingest.json")"
    exit 1
  fi
  echo "${secs}"
}

declare -A INGEST_SECONDS=([true]=0 [false]=0) INGEST_RECORDS=([true]=0 [false]=0)
ingest_files() { # files...; alternates the path per batch, starting on domain
  local i=0 path file secs
  for file in "$@"; do
    if (( i % 2 == 0 )); then path=true; else path=false; fi
    secs="$(post_batch "${file}" "${path}")"
    INGEST_SECONDS[${path}]="$(echo "${INGEST_SECONDS[${path}]} + ${secs}" | bc -l)"
    INGEST_RECORDS[${path}]=$(( INGEST_RECORDS[${path}] + $(jq length "${file}") ))
    i=$((i + 1))
  done
}

# --- wrk output -------------------------------------------------------------------------------------
to_ms() { # wrk latency (e.g. 812.00us, 3.20ms, 1.05s) -> ms
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'
}
wrk_rps() { awk '/^Requests\/sec:/ { print $2 }' <<<"$1"; }
wrk_percentile() { to_ms "$(awk -v p="$2" '$1 == p { print $2 }' <<<"$1")"; } # output "50%"|"99%"
wrk_problems() { # "non-2xx=N socket errors..." when wrk saw any, else nothing
  local bad sock
  bad="$(awk '/Non-2xx or 3xx responses:/ { print $NF }' <<<"$1")"
  sock="$(awk '/Socket errors:/ { print }' <<<"$1")"
  [[ -z "${bad}" && -z "${sock}" ]] || echo "non-2xx=${bad:-0} ${sock}"
}
