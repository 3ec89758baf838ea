#!/usr/bin/env bash
# Runs Cairn's W1 beside the naive one-commit-per-step SQLite baseline, alternating, and prints the medians and
# their ratio, measured in the same run on the same machine.
# Usage: bench/compare.sh [repeats] [workflows] [steps]      (PEERS=path to the peers folder holding baseline/)
set -euo pipefail
cd "$(dirname "$0")/.."
REPEATS="${1:-7}"; W="${2:-50}"; K="${3:-20}"
PEERS="${PEERS:-../shared/peers}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build -c Release bench/Cairn.Bench >/dev/null
dotnet build -c Release -o "$PEERS/baseline/out" "$PEERS/baseline" >/dev/null
DATA=$(mktemp -d)
trap 'rm -rf "$DATA"' EXIT
for r in $(seq 1 "$REPEATS"); do
  W=$W K=$K DATA_DIR="$DATA" dotnet "$PEERS/baseline/out/Baseline.dll" w1 sqlite
  dotnet bench/Cairn.Bench/bin/Release/net10.0/Cairn.Bench.dll W1 --workflows "$W" --steps "$K" --store "sqlite:$DATA/cairn.db"
done | python3 -c '
import json, statistics, sys
rows = [json.loads(l) for l in sys.stdin if l.startswith("{")]
by = {}
for r in rows:
    by.setdefault(r["peer"], []).append(r["steps_per_sec"])
    assert r["check"] == r["workflows"] * r["steps_per_workflow"], r
base = statistics.median(by["baseline-sqlite-naive"]); cairn = statistics.median(by["cairn"])
for peer, v in by.items():
    print(f"{peer:24} median {statistics.median(v):>10,.0f} steps/s   runs {sorted(round(x) for x in v)}")
print(f"ratio cairn/baseline: {cairn / base:.1f}x")
'
