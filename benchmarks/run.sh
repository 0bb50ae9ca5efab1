#!/usr/bin/env bash
# Measures the cost of FastAgentic tracing and prints the README's "Performance impact"
# tables: first the JMH benchmarks of the instrumentation hot paths (in process), then
# FastAgentic's request benchmark side by side with the plain Boot peer's (SimultaneousPairs:
# two JVMs at once, one core each, for ratios that the machine's changing speed does not
# move), then the whole-application load run of the sample (POST /chat, 127.0.0.1 only, bounded, stops by
# itself): FastAgentic's modes and its peers (plain Spring Boot tracing, the OpenTelemetry
# Java agent, which the build copies from Maven Central to benchmarks/target/otel-agent/),
# each in a child JVM of its own. Takes about 3 hours on 2 cores with the defaults (measured:
# 2 JMH passes 22 min; 5 side-by-side passes of 7 comparisons, the control included,
# 52 min; a load run of 2 rounds of 3000 requests 37 min).
#
#   benchmarks/run.sh
#   JMH_ARGS="-f 0 -wi 0 -i 1 -r 100ms" PAIRS_ARGS="--passes=1 -wi 1 -w 1 -i 1 -r 1" LOAD_ARGS="--rounds=1 --requests=2000 --jvm-warmup=1000 --soak=0 --export-seconds=0" benchmarks/run.sh   # quick look
#
# JMH_ARGS are JMH options (for example a benchmark pattern or -p tracing=OFF,RATE_100);
# LOAD_ARGS are the load run's --name=value options: clients (8), jvm-warmup (10000
# unmeasured requests in each application JVM), requests (6000 measured per mode and
# round), rounds (3), modes (OFF,RATE_1,RATE_10,RATE_100,RATE_1_RULES,PLAIN_BOOT_100,
# AGENT_100,AGENT_10), heap (1g, -Xms and -Xmx of each application JVM), jvm-options (more
# options of each application JVM, comma-separated), agent (the Java agent's jar), soak (40000, 0 to skip), export-rate (50000 spans/s), export-seconds (10,
# 0 to skip); see LoadRun. PAIRS_ARGS are SimultaneousPairs' options: --passes=N (5),
# --modes= (every mode), then JMH options (-wi 30 -w 2 -i 10 -r 1 without any). Set
# SKIP_JMH=1, SKIP_PAIRS=1 or SKIP_LOAD=1 to leave one out. The tables also go to
# benchmarks/target/benchmark-tables.md.
set -euo pipefail
cd "$(dirname "$0")/.."

./mvnw -B -q -pl benchmarks -am package -DskipTests
tables=benchmarks/target/benchmark-tables.md
: > "$tables"
if [[ "${SKIP_JMH:-0}" != 1 ]]; then
	# shellcheck disable=SC2086
	java -Dfastagentic.bench.tables="$tables" -jar benchmarks/target/benchmarks.jar ${JMH_ARGS:-}
fi
if [[ "${SKIP_PAIRS:-0}" != 1 ]]; then
	# shellcheck disable=SC2086
	java -Dfastagentic.bench.tables="$tables" -cp benchmarks/target/benchmarks.jar \
		io.fastagentic.benchmarks.jmh.SimultaneousPairs ${PAIRS_ARGS:-}
fi
if [[ "${SKIP_LOAD:-0}" != 1 ]]; then
	# shellcheck disable=SC2086
	# This JVM runs the load generator, the OTLP sink and the export measurement; each mode's
	# application runs in a child JVM (see --heap).
	java -Xms1g -Xmx1g -Dfastagentic.bench.tables="$tables" \
		-Dfastagentic.bench.otel-agent=benchmarks/target/otel-agent/opentelemetry-javaagent.jar \
		-cp benchmarks/target/benchmarks.jar io.fastagentic.benchmarks.load.LoadRun ${LOAD_ARGS:-}
fi
echo
echo "==================== tables (also in $tables) ===================="
cat "$tables"
