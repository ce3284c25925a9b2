#!/usr/bin/env bash
# Runs flowbill's benchmark for each figure of the performance page's table and keeps each run's results file as
# target/bench/<figure>.json (docs/performance.md says what each measures; docs/bench-results/ holds the files behind
# the page's current table).
# Usage: jobs/bench.sh [figure ...]   (default: all, in this order; about 55 minutes on a quiet 2-core machine)
#   day-100k         metering (no latency) and the night of one day, 100,000 containers
#   latency20-100k   metering with 20 ms API latency at concurrency 64, 100,000 containers
#   month-end-100k   the night of a month's last day after 29 days of history, 100,000 containers
#   month-end-1m     the same at 1,000,000 containers, once (memory: the live heap must not grow with the fleet)
# The database is SPRING_DATASOURCE_URL (a fresh database is created on that server for each run and dropped
# after), or an embedded PostgreSQL when unset; its password from $FLOWBILL_SECRETS_DIR/spring.datasource.password.
# Build first: ./mvnw -q package -DskipTests. Run it on a quiet machine: the figures are medians of 3 repetitions,
# but nothing corrects for other work on the same cores.
set -euo pipefail
cd "$(dirname "$0")/.."
# Secrets come from files, one per property (spring.datasource.password), never from the command line.
secrets="${FLOWBILL_SECRETS_DIR:-/etc/flowbill/secrets}"
if [ -d "$secrets" ]; then
  export SPRING_CONFIG_IMPORT=configtree:"$secrets"/
fi
figures=("$@")
if [ ${#figures[@]} -eq 0 ]; then
  figures=(day-100k latency20-100k month-end-100k month-end-1m)
fi
for figure in "${figures[@]}"; do
  case "$figure" in
    day-100k) args=(--containers 100000 --repeat 3) ;;
    latency20-100k) args=(--containers 100000 --latency-ms 20 --concurrency 64 --only metering --repeat 3) ;;
    month-end-100k) args=(--containers 100000 --history-days 29 --only rating --repeat 3) ;;
    month-end-1m) args=(--containers 1000000 --history-days 29 --only rating --repeat 1) ;;
    *) echo "unknown figure '$figure': one of day-100k, latency20-100k, month-end-100k, month-end-1m" >&2; exit 2 ;;
  esac
  echo "== $figure: bench ${args[*]}, -Xmx512m, started $(date -u +%FT%TZ), load average $(cut -d' ' -f1-3 /proc/loadavg)"
  java -Xmx512m -jar target/flowbill.jar bench "${args[@]}"
  cp target/bench/results.json "target/bench/$figure.json"
done
