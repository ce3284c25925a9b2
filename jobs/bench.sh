#!/usr/bin/env bash
# Runs flowbill's benchmark at the sizes of the performance issue and keeps each run's figures.
# Usage: jobs/bench.sh [sizes...]   (default: 10000 100000 1000000)
# The database is SPRING_DATASOURCE_URL (a fresh database is created on that server and dropped after),
# or an embedded PostgreSQL when unset; its password from $FLOWBILL_SECRETS_DIR/spring.datasource.password.
# Build first: ./mvnw -q package -DskipTests
set -euo pipefail
cd "$(dirname "$0")/.."
# Secrets come from files, one per property (spring.datasource.password), never from the command line.
secrets="${FLOWBILL_SECRETS_DIR:-/etc/flowbill/secrets}"
if [ -d "$secrets" ]; then
  export SPRING_CONFIG_IMPORT=configtree:"$secrets"/
fi
sizes=("${@:-10000 100000 1000000}")
for n in ${sizes[@]}; do
  echo "== bench --containers $n (no latency), -Xmx512m"
  java -Xmx512m -jar target/flowbill.jar bench --containers "$n"
  cp target/bench/results.json "target/bench/results-$n.json"
done
echo "== bench --containers 100000 --latency-ms 20 --concurrency 64"
java -Xmx512m -jar target/flowbill.jar bench --containers 100000 --latency-ms 20 --concurrency 64
cp target/bench/results.json target/bench/results-100000-latency20.json
