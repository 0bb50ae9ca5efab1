#!/usr/bin/env bash
# Measures the spans per second that the two-tier collector deployment carries on this machine
# (README: "More than one service"): one first-tier collector (otel-config-first-tier.yaml) and
# two gateways (otel-config-gateway.yaml, their exporter replaced by `debug`), all on loopback,
# loaded by telemetrygen (traces of 10 spans, as fast as it can send). Prints what each tier
# accepted, refused and dropped, and the gateways' peak memory.
#   e2e/collector/tier-load.sh                 # 30 s, 2 telemetrygen workers, decision wait 30 s
#   DURATION=60s WORKERS=4 DECISION_WAIT=10s e2e/collector/tier-load.sh
# The generator runs on the same cores as the collectors, so the figure is a lower bound.
# Needs Go (telemetrygen is installed once into the cache) and free ports 23317-25888.
set -eu

TELEMETRYGEN_VERSION=v0.161.0
DURATION=${DURATION:-30s}
WORKERS=${WORKERS:-2}
DECISION_WAIT=${DECISION_WAIT:-30s}

root="$(cd "$(dirname "$0")/../.." && pwd)"
"$root/e2e/collector/build.sh" >/dev/null
collector="$root/e2e/collector/target/otelcol-fastagentic"
tools="${XDG_CACHE_HOME:-$HOME/.cache}/fastagentic/telemetrygen-$TELEMETRYGEN_VERSION"
if [[ ! -x "$tools/telemetrygen" ]]; then
	echo "Installing telemetrygen $TELEMETRYGEN_VERSION"
	GOBIN="$tools" go install "github.com/open-telemetry/opentelemetry-collector-contrib/cmd/telemetrygen@$TELEMETRYGEN_VERSION"
fi

work="$(mktemp -d)"
pids=()
stop() {
	for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
	wait 2>/dev/null || true
	rm -rf "$work"
}
trap stop EXIT

# receivers and the collector's own metrics (Prometheus) on loopback: <name> <grpc> <http> <metrics>
overrides() {
	cat <<EOT
receivers:
  otlp:
    protocols:
      grpc:
        endpoint: 127.0.0.1:$2
      http:
        endpoint: 127.0.0.1:$3
service:
  telemetry:
    metrics:
      level: detailed
      readers:
        - pull:
            exporter:
              prometheus:
                host: 127.0.0.1
                port: $4
EOT
}

for gateway in "1 24317 24318 24888" "2 25317 25318 25888"; do
	set -- $gateway
	{ overrides "gateway-$1" "$2" "$3" "$4"; cat <<EOT
exporters:
  debug:
    verbosity: basic
EOT
	} > "$work/gateway-$1.yaml"
	GATEWAY_DECISION_WAIT="$DECISION_WAIT" "$collector" --config "$root/otel-config-gateway.yaml" \
		--config "$work/gateway-$1.yaml" --set "service::pipelines::traces::exporters=[debug]" \
		> "$work/gateway-$1.log" 2>&1 &
	pids+=($!)
done
{ overrides first-tier 23317 23318 23888; cat <<EOT
exporters:
  load_balancing:
    resolver:
      static:
        hostnames: [127.0.0.1:24317, 127.0.0.1:25317]
EOT
} > "$work/first-tier.yaml"
"$collector" --config "$root/otel-config-first-tier.yaml" --config "$work/first-tier.yaml" > "$work/first-tier.log" 2>&1 &
pids+=($!)

metric() { # <metrics port> <metric name prefix>: the sum of its series
	curl -sf "127.0.0.1:$1/metrics" | awk -v name="$2" 'index($0, name) == 1 { sum += $NF } END { printf "%d", sum }'
}
for port in 23888 24888 25888; do
	until curl -sf "127.0.0.1:$port/metrics" >/dev/null; do sleep 0.2; done
done

# The gateways' resident memory, sampled every second.
( while true; do ps -o rss= -p "${pids[0]}" -p "${pids[1]}" | paste -sd' '; sleep 1; done ) > "$work/rss" &
sampler=$!

started=$(date +%s.%N)
"$tools/telemetrygen" traces --otlp-endpoint 127.0.0.1:23317 --otlp-insecure --duration "$DURATION" \
	--workers "$WORKERS" --rate 0 --child-spans 9 > "$work/telemetrygen.log" 2>&1
ended=$(date +%s.%N)
# Let the first tier hand over what it still holds.
until [[ "$(metric 23888 otelcol_receiver_accepted_spans)" == "$(( $(metric 24888 otelcol_receiver_accepted_spans) + $(metric 25888 otelcol_receiver_accepted_spans) + $(metric 23888 otelcol_exporter_send_failed_spans) ))" ]]; do
	sleep 0.5
done
kill "$sampler"

accepted=$(metric 23888 otelcol_receiver_accepted_spans)
echo "first tier: accepted $accepted spans, refused $(metric 23888 otelcol_receiver_refused_spans), failed to send $(metric 23888 otelcol_exporter_send_failed_spans)"
echo "gateways:   accepted $(metric 24888 otelcol_receiver_accepted_spans) and $(metric 25888 otelcol_receiver_accepted_spans) spans, refused $(( $(metric 24888 otelcol_receiver_refused_spans) + $(metric 25888 otelcol_receiver_refused_spans) ))"
awk '{ for (i = 1; i <= NF; i++) if ($i > max[i]) max[i] = $i } END { printf "gateways\x27 peak resident memory: %d MiB and %d MiB (decision wait %s)\n", max[1] / 1024, max[2] / 1024, "'"$DECISION_WAIT"'" }' "$work/rss"
awk -v spans="$accepted" -v from="$started" -v to="$ended" 'BEGIN { printf "through the tier: %d spans/s (%d workers, %s)\n", spans / (to - from), '"$WORKERS"', "'"$DURATION"'" }'
