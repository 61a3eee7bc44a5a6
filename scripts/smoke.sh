#!/usr/bin/env bash
# End-to-end smoke test of the built service, the way the README runs it: no connection string (so it
# starts its own PostgreSQL in a temporary folder), demo data loaded. Every read endpoint must answer 200
# with the same body on the domain and the legacy path; a camera is created, changed and deleted; the
# service must stop its PostgreSQL on SIGTERM. Calls carry the Development all-roles key; access control is checked
# with the per-role keys (docs/security.md). Usage: scripts/smoke.sh (after `dotnet build`).
set -euo pipefail
cd "$(dirname "$0")/.."

dll=src/Api/bin/Debug/net10.0/CameraMonitor.Api.dll
[ -f "$dll" ] || dotnet build src/Api --nologo -v q
data=$(mktemp -d /tmp/cameramonitor-smoke-XXXXXX)
chmod 755 "$data" # the postgres user must reach the cluster folder inside it
port=$((20000 + RANDOM % 20000))
while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((20000 + RANDOM % 20000)); done
base="http://127.0.0.1:$port"
log="$data/service.log"
admin='X-Api-Key: dev-admin-key-change-me'

(cd src/Api && ASPNETCORE_ENVIRONMENT=Development LocalPostgres__DataDirectory="$data/pg" \
  CameraMirror__Path="$data/cameras.yaml" Rollout__Plans__EvaluationIntervalSeconds=0 \
  exec dotnet "bin/Debug/net10.0/CameraMonitor.Api.dll" --urls "$base" >"$log" 2>&1) &
pid=$!
cleanup() { kill -TERM "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; }
trap cleanup EXIT

for _ in $(seq 1 90); do
  curl -sf -o /dev/null "$base/health/ready" && break
  kill -0 "$pid" 2>/dev/null || { cat "$log"; echo "smoke: the service exited during start-up" >&2; exit 1; }
  sleep 1
done
curl -sf -o /dev/null "$base/health/ready" || { tail -50 "$log"; echo "smoke: not ready after 90 s" >&2; exit 1; }

checks=0
fail() { echo "smoke: FAILED: $*" >&2; tail -30 "$log" >&2; exit 1; }

# Every read endpoint: 200 on both paths, identical bodies.
for url in \
  "/api/v1/cameras" "/api/v1/cameras?status=online" "/api/v1/cameras/cam0/stats" \
  "/api/v1/records/detection-records/cam0?limit=20" "/api/v1/records/violations/1" \
  "/api/v1/records/statistics/summary" "/api/v1/records/statistics/summary?period=30d" \
  "/api/v1/records/statistics/cam1?period=7d" "/api/v1/statistics/daily?days=30" \
  "/api/v1/statistics/events?limit=20&status=pending" "/api/v1/statistics/history?limit=10" \
  "/api/v1/alerts/history-db?limit=20" "/api/v1/alerts/rules"; do
  sep='?'; [[ "$url" == *\?* ]] && sep='&'
  domain=$(curl -s -H "$admin" -w '\n%{http_code}' "$base$url${sep}force_domain=true")
  legacy=$(curl -s -H "$admin" -w '\n%{http_code}' "$base$url${sep}force_domain=false")
  [ "${domain##*$'\n'}" = 200 ] || fail "$url (domain) answered ${domain##*$'\n'}"
  [ "$domain" = "$legacy" ] || fail "$url: the domain and legacy bodies differ"
  checks=$((checks + 1))
done

expect_as() { # key status method url [body]; key "" sends none
  local got
  got=$(curl -s -o /dev/null -w '%{http_code}' -X "$3" -H 'Content-Type: application/json' ${1:+-H "X-Api-Key: $1"} \
    ${5:+-d "$5"} "$base$4")
  [ "$got" = "$2" ] || fail "$3 $4 as ${1:-anonymous} answered $got, expected $2"
  checks=$((checks + 1))
}
expect() { expect_as dev-admin-key-change-me "$@"; }
expect 201 POST "/api/v1/cameras?force_domain=true" '{"id":"smoke1","name":"Smoke","source_url":"rtsp://127.0.0.1/s"}'
expect 409 POST "/api/v1/cameras?force_domain=false" '{"id":"smoke1","name":"Smoke","source_url":"rtsp://127.0.0.1/s"}'
expect 400 POST "/api/v1/cameras" '{"id":"Bad Id","name":"","source_url":"ftp://x"}'
expect 200 PUT "/api/v1/cameras/smoke1?force_domain=false" '{"status":"online"}'
expect 201 POST "/api/v1/records/detection-records" '{"camera_id":"smoke1","detected_at":"2026-11-20T12:00:00Z","violations":[{"violation_type":"no_mask","confidence":0.9}]}'
expect 400 PUT "/api/v1/records/violations/abc/status?status=confirmed"
expect 200 GET "/api/v1/system/info"
expect 200 GET "/api/v1/admin/rollout/endpoints"
# Access control: no key, a role without the right, force_domain without operator, the key as a bearer value.
expect_as "" 401 GET "/api/v1/cameras"
expect_as "" 401 GET "/api/v1/admin/rollout/endpoints"
expect_as "" 200 GET "/health/ready"
expect_as dev-viewer-key-change-me 200 GET "/api/v1/cameras"
expect_as dev-viewer-key-change-me 403 POST "/api/v1/cameras" '{"id":"smoke2","name":"Smoke","source_url":"rtsp://127.0.0.1/s"}'
expect_as dev-viewer-key-change-me 403 GET "/api/v1/cameras?force_domain=true"
expect_as dev-detector-key-change-me 403 GET "/api/v1/cameras"
expect_as dev-reader-key-change-me 403 PUT "/api/v1/admin/rollout/endpoints/ListCameras" '{"percentage":0}'
got=$(curl -s -o /dev/null -w '%{http_code}' -H 'Authorization: Bearer dev-viewer-key-change-me' "$base/api/v1/cameras")
[ "$got" = 200 ] || fail "a key as Authorization: Bearer answered $got"
checks=$((checks + 1))
hash=$(dotnet "$dll" hash-key dev-viewer-key-change-me)
[ "$hash" = "$(printf %s dev-viewer-key-change-me | sha256sum | cut -d' ' -f1)" ] || fail "hash-key printed '$hash'"
checks=$((checks + 1))
expect_as "" 200 GET "/console/"
expect_as "" 200 GET "/console/app.js"
grep -q "smoke1" "$data/cameras.yaml" || fail "cameras.yaml does not list the new camera"
checks=$((checks + 1))
expect 200 DELETE "/api/v1/cameras/smoke1?force_domain=true"
expect 404 DELETE "/api/v1/cameras/smoke1"

# What third-party tools check (.ci/run lints the document with Redocly): the document as this service serves it,
# open without a key in Development (Auth:Anonymous:ApiReference), and a scrape of /metrics after the calls above.
if [ -n "${SMOKE_ARTIFACTS:-}" ]; then
  mkdir -p "$SMOKE_ARTIFACTS"
  curl -sf -o "$SMOKE_ARTIFACTS/openapi.json" "$base/openapi/v1.json" || fail "GET /openapi/v1.json without a key"
  curl -sf -o "$SMOKE_ARTIFACTS/metrics.txt" "$base/metrics" || fail "GET /metrics"
  cp "$log" "$SMOKE_ARTIFACTS/service.log"
  checks=$((checks + 1))
fi

# SIGTERM stops the service and the PostgreSQL it started.
kill -TERM "$pid"; wait "$pid" || true
trap - EXIT
if [ -f "$data/pg/postmaster.pid" ]; then fail "PostgreSQL still running after the service stopped"; fi
checks=$((checks + 1))
rm -rf "$data"
echo "smoke: $checks checks passed"
