#!/usr/bin/env bash
# Renders every PromQL query of deploy/grafana/cameramonitor-rollout.json against a real Prometheus scraping a
# running instance (no Grafana here): starts the built service (Development, its own PostgreSQL, demo data), a
# Prometheus (Debian's `prometheus`) scraping it every second, sends traffic on both paths for a while, then prints
# each panel's query result for one endpoint. Usage: scripts/render-dashboard.sh [endpoint] (after `dotnet build`).
set -euo pipefail
cd "$(dirname "$0")/.."
endpoint="${1:-ListCameras}"
dll=src/Api/bin/Debug/net10.0/CameraMonitor.Api.dll
[ -f "$dll" ] || dotnet build src/Api --nologo -v q
work=$(mktemp -d /tmp/cameramonitor-render-XXXXXX)
chmod 755 "$work"
port=$((20000 + RANDOM % 20000)); prom=$((port + 1))
base="http://127.0.0.1:$port"
(cd src/Api && ASPNETCORE_ENVIRONMENT=Development LocalPostgres__DataDirectory="$work/pg" CameraMirror__Path="$work/cameras.yaml" \
  Rollout__Plans__EvaluationIntervalSeconds=0 exec dotnet "bin/Debug/net10.0/CameraMonitor.Api.dll" --urls "$base" >"$work/service.log" 2>&1) &
api=$!
cat >"$work/prometheus.yml" <<YAML
global: { scrape_interval: 1s, evaluation_interval: 1s }
rule_files: [ "$PWD/deploy/prometheus/cameramonitor-rules.yml" ]
scrape_configs: [ { job_name: cameramonitor, static_configs: [ { targets: [ "127.0.0.1:$port" ] } ] } ]
YAML
prometheus --config.file="$work/prometheus.yml" --storage.tsdb.path="$work/tsdb" --web.listen-address="127.0.0.1:$prom" >"$work/prometheus.log" 2>&1 &
promp=$!
trap 'kill -TERM $api $promp 2>/dev/null || true; wait $api $promp 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 90); do curl -sf -o /dev/null "$base/health/ready" && break; sleep 1; done
key='X-Api-Key: dev-admin-key-change-me'
end=$((SECONDS + ${RENDER_SECONDS:-40}))
while [ $SECONDS -lt $end ]; do
  for flag in true false; do
    curl -s -o /dev/null -H "$key" "$base/api/v1/cameras?force_domain=$flag"
    curl -s -o /dev/null -H "$key" "$base/api/v1/records/statistics/summary?force_domain=$flag"
  done
done
sleep 3
python3 - "$endpoint" "http://127.0.0.1:$prom" <<'PY'
import json, sys, urllib.parse, urllib.request
endpoint, prom = sys.argv[1], sys.argv[2]
dash = json.load(open("deploy/grafana/cameramonitor-rollout.json"))
for panel in dash["panels"]:
    for target in panel.get("targets", []):
        expr = (target["expr"].replace('=~"$endpoint"', f'="{endpoint}"')
                .replace("$__rate_interval", "15s").replace("$__range", "1m"))
        url = f"{prom}/api/v1/query?" + urllib.parse.urlencode({"query": expr})
        result = json.load(urllib.request.urlopen(url))["data"]["result"]
        print(f"### {panel['title']}\n`{expr}`")
        for series in result or [{"metric": {}, "value": [0, "(no data)"]}]:
            labels = ",".join(f'{k}="{v}"' for k, v in series["metric"].items() if k in ("path", "state", "endpoint"))
            print(f"    {{{labels}}} {series['value'][1]}")
PY
