#!/usr/bin/env bash
# Runs flowbill's benchmark at the sizes of the performance issue and keeps each run's figures.
# Usage: jobs/bench.sh [sizes]   (a comma-separated list; default: 10000,100000,1000000)
# The database is SPRING_DATASOURCE_URL (a fresh database is created on that server for each size and dropped
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
sizes="${1:-10000,100000,1000000}"
stamp="$(date -u +%Y%m%dT%H%MZ)"
echo "== bench --containers $sizes --repeat 3 --history-days 29 (no latency), -Xmx512m"
java -Xmx512m -jar target/flowbill.jar bench --containers "$sizes" --repeat 3 --history-days 29
cp target/bench/results.json "target/bench/results-$stamp-month-end.json"
echo "== bench --containers 100000 --latency-ms 20 --concurrency 64 --only metering --repeat 3"
java -Xmx512m -jar target/flowbill.jar bench --containers 100000 --latency-ms 20 --concurrency 64 --only metering \
  --repeat 3
cp target/bench/results.json "target/bench/results-$stamp-latency20.json"
