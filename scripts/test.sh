#!/usr/bin/env bash
# Runs every test of the solution and ends with one plain total line: "N passed, N failed, N skipped".
# Tests start their own throwaway PostgreSQL (or use CAMERAMONITOR_TEST_PG); see README.
set -uo pipefail
cd "$(dirname "$0")/.."

log=$(mktemp)
trap 'rm -f "$log"' EXIT

dotnet test CameraMonitor.sln --nologo "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# Sum the summary line of every test project: "Passed!  - Failed: 0, Passed: 19, Skipped: 0, Total: 19".
read -r passed failed skipped < <(awk '
  /(Passed|Failed)! +- +Failed:/ {
    gsub(",", ""); for (i = 1; i <= NF; i++) {
      if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) }
  }
  END { printf "%d %d %d\n", p, f, s }' "$log")

if [ "$passed" -eq 0 ]; then
  echo "no test ran" >&2
  status=1
fi
[ "$failed" -gt 0 ] && status=1
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
