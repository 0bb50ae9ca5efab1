#!/usr/bin/env bash
# Measures the cost of FastAgentic tracing and prints the README's "Performance impact"
# tables: first the JMH benchmarks of the instrumentation hot paths (in process), then the
# whole-application load run of the sample (POST /chat, 127.0.0.1 only, bounded, stops by
# itself). Takes about 35 minutes on 2 cores.
#
#   benchmarks/run.sh
#   JMH_ARGS="-f 0 -wi 0 -i 1 -r 100ms" LOAD_ARGS="--rounds=1 --requests=2000 --soak=0" benchmarks/run.sh   # quick look
#
# JMH_ARGS are JMH options (for example a benchmark pattern or -p tracing=OFF,RATE_100);
# LOAD_ARGS are the load run's --name=value options (see LoadRun). Set SKIP_JMH=1 or
# SKIP_LOAD=1 to run only one of them. The tables also go to benchmarks/target/benchmark-tables.md.
set -euo pipefail
cd "$(dirname "$0")/.."

./mvnw -B -q -pl benchmarks -am package -DskipTests
tables=benchmarks/target/benchmark-tables.md
: > "$tables"
if [[ "${SKIP_JMH:-0}" != 1 ]]; then
	# shellcheck disable=SC2086
	java -Dfastagentic.bench.tables="$tables" -jar benchmarks/target/benchmarks.jar ${JMH_ARGS:-}
fi
if [[ "${SKIP_LOAD:-0}" != 1 ]]; then
	# shellcheck disable=SC2086
	java -Xms1g -Xmx1g -Dfastagentic.bench.tables="$tables" -cp benchmarks/target/benchmarks.jar \
		io.fastagentic.benchmarks.load.LoadRun ${LOAD_ARGS:-}
fi
echo
echo "==================== tables (also in $tables) ===================="
cat "$tables"
