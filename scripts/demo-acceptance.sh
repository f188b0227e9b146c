#!/usr/bin/env bash
# Acceptance run of `./kelvin demo`, as the spine issue states it, with timings:
#   - the app becomes ready and prints its URL;
#   - within two minutes GET /api/v1/points/latest has >= 200 points, all GOOD, PUE in 1.05..1.6;
#   - values change between two calls 10 s apart;
#   - after stop and restart, the store still holds the first run's history.
# Prints one line per figure and ends with `demo-acceptance: PASS` or exits non-zero.
# Usage: scripts/demo-acceptance.sh [PORT]   (uses a fresh data dir under target/)
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${1:-18080}"
DATA="target/demo-acceptance"
BASE="http://localhost:$PORT"
rm -rf "$DATA"; mkdir -p "$DATA"

now() { date +%s.%N; }
elapsed() { python3 -c "print(f'{$2 - $1:.1f}')"; }

start_demo() {
  ./kelvin demo --port "$PORT" --data-dir "$DATA" >"$DATA/demo-$1.log" 2>&1 &
  DEMO_PID=$!
}

stop_demo() {
  # SIGTERM: a background job of a script ignores SIGINT; a terminal Ctrl-C reaches the launcher directly.
  kill -TERM "$DEMO_PID" 2>/dev/null || true
  local t0; t0=$(now)
  wait "$DEMO_PID" 2>/dev/null || true
  echo "stop: $(elapsed "$t0" "$(now)") s"
}

wait_ready() {
  for _ in $(seq 1 600); do
    if curl -fs "$BASE/q/health/ready" >/dev/null 2>&1; then return 0; fi
    kill -0 "$DEMO_PID" 2>/dev/null || { cat "$DATA"/demo-*.log; echo "demo died"; exit 1; }
    sleep 0.5
  done
  echo "demo not ready after 300 s"; exit 1
}

# Prints "total good pue" from the latest-points JSON on stdin.
summarize() {
  python3 -c '
import json, sys
doc = json.load(sys.stdin)
points = doc["points"]
good = sum(1 for p in points if p["quality"] == "GOOD")
pue = next((p["value"] for p in points if p["point"] == "site.pue"), float("nan"))
print(len(points), good, pue)'
}

./kelvin build >/dev/null
t0=$(now); start_demo 1; wait_ready; t_ready=$(now)
echo "ready: $(elapsed "$t0" "$t_ready") s after launch"
grep -q "Kelvin is ready: http://localhost:$PORT" "$DATA/demo-1.log" && echo "url printed: yes" || { echo "url printed: no"; exit 1; }

ok=""
for _ in $(seq 1 120); do
  read -r total good pue < <(curl -fs "$BASE/api/v1/points/latest" | summarize)
  if [ "$total" -ge 200 ] && [ "$good" -eq "$total" ]; then ok=1; break; fi
  sleep 1
done
echo "points: $total, good: $good, pue: $pue, after $(elapsed "$t_ready" "$(now)") s"
[ -n "$ok" ] || { echo "not all points good within 2 minutes"; curl -fs "$BASE/api/v1/points/latest" | python3 -c '
import json,sys; [print(p["point"], p["quality"], p["value"]) for p in json.load(sys.stdin)["points"] if p["quality"]!="GOOD"]' | head -20; exit 1; }
python3 -c "import sys; sys.exit(0 if 1.05 <= $pue <= 1.6 else 1)" || { echo "PUE $pue outside 1.05..1.6"; exit 1; }

curl -fs "$BASE/api/v1/points/latest" >"$DATA/first.json"; sleep 10
curl -fs "$BASE/api/v1/points/latest" >"$DATA/second.json"
changed=$(python3 -c '
import json
a = {p["point"]: p["value"] for p in json.load(open("'"$DATA"'/first.json"))["points"]}
b = {p["point"]: p["value"] for p in json.load(open("'"$DATA"'/second.json"))["points"]}
print(sum(1 for k in a if k in b and a[k] != b[k]))')
echo "points changed in 10 s: $changed"
[ "$changed" -gt 0 ] || { echo "no value changed"; exit 1; }
echo "rss: $(ps -o rss= -p "$(pgrep -f "quarkus.http.port=$PORT" | head -n1)" | awk '{printf "%.0f MiB", $1/1024}')"
sleep 20   # let the store commit some history
stop_demo
echo "data dir: $(du -sh "$DATA" | cut -f1)"

first_run_end=$(date -u +%s)
start_demo 2; wait_ready
history=$(curl -fs "$BASE/api/v1/points/site.it_kw/history?minutes=10" 2>/dev/null || true)
if [ -n "$history" ]; then
  kept=$(printf '%s' "$history" | python3 -c '
import json, sys
doc = json.load(sys.stdin)
print(sum(1 for v in doc["values"] if v["value"] is not None and v["epochSecond"] < '"$first_run_end"'))')
  echo "history steps from the first run after restart: $kept"
  [ "$kept" -gt 0 ] || { stop_demo; echo "history of the first run lost"; exit 1; }
else
  echo "history endpoint missing"; stop_demo; exit 1
fi
stop_demo
echo "demo-acceptance: PASS"
