package io.fastagentic.benchmarks.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.fastagentic.benchmarks.support.BenchContexts;
import io.fastagentic.benchmarks.support.TracingMode;

/**
 * A configuration of the sample application in the load run: FastAgentic in one of its
 * tracing modes, or a peer doing without it.
 */
enum LoadMode {

	/**
	 * {@code FASTAGENTIC_TRACES_ENABLED=false}.
	 */
	OFF(TracingMode.OFF, Peer.FASTAGENTIC),

	/**
	 * 1 %.
	 */
	RATE_1(TracingMode.RATE_1, Peer.FASTAGENTIC),

	/**
	 * 10 %.
	 */
	RATE_10(TracingMode.RATE_10, Peer.FASTAGENTIC),

	/**
	 * 100 %, the default.
	 */
	RATE_100(TracingMode.RATE_100, Peer.FASTAGENTIC),

	/**
	 * 1 % with the errors and slow (5 s) rules.
	 */
	RATE_1_RULES(TracingMode.RATE_1_RULES, Peer.FASTAGENTIC),

	/**
	 * Stock Spring Boot tracing at 100 %, FastAgentic excluded.
	 */
	PLAIN_BOOT_100(TracingMode.RATE_100, Peer.PLAIN_BOOT),

	/**
	 * The OpenTelemetry Java agent at 100 %, FastAgentic and Boot's tracing excluded.
	 */
	AGENT_100(TracingMode.RATE_100, Peer.OTEL_AGENT),

	/**
	 * The OpenTelemetry Java agent at 10 %, FastAgentic and Boot's tracing excluded.
	 */
	AGENT_10(TracingMode.RATE_10, Peer.OTEL_AGENT);

	/**
	 * The agent's batch span processor delay ({@code OTEL_BSP_SCHEDULE_DELAY}), its
	 * default and Spring Boot's: a batch of spans reaches the collector at most this long
	 * after its last span ended.
	 */
	static final int AGENT_SCHEDULE_DELAY_MILLIS = 5000;

	/**
	 * Spring Boot's tracing auto-configurations, excluded when the agent traces: no
	 * Micrometer tracing handler, no SDK tracer provider of Boot's (Micrometer's
	 * {@code Tracer} is then Boot's no-op one).
	 */
	private static final List<String> BOOT_TRACING_AUTO_CONFIGURATIONS = List.of(
			"org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration",
			"org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration",
			"org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpTracingAutoConfiguration");

	private final TracingMode tracing;

	private final Peer peer;

	LoadMode(TracingMode tracing, Peer peer) {
		this.tracing = tracing;
		this.peer = peer;
	}

	String label() {
		return switch (this.peer) {
			case FASTAGENTIC -> this.tracing.label();
			case PLAIN_BOOT -> "plain Spring Boot peer, " + this.tracing.label();
			case OTEL_AGENT -> "OpenTelemetry Java agent, " + this.tracing.label();
		};
	}

	/**
	 * Whether the application runs FastAgentic's auto-configurations (and with them its
	 * export monitor and sampling rules).
	 * @return whether it is one of FastAgentic's modes
	 */
	boolean fastAgentic() {
		return this.peer == Peer.FASTAGENTIC;
	}

	/**
	 * Whether the application serves FastAgentic's API with plain Micrometer observations
	 * ({@link PlainBootPeerConfiguration}) and runs without FastAgentic's environment
	 * listener.
	 * @return whether it is a peer
	 */
	boolean peer() {
		return this.peer != Peer.FASTAGENTIC;
	}

	/**
	 * Whether the OpenTelemetry Java agent traces: its SDK is out of the application's
	 * reach, so spans are counted by the sink only, once it has received them all.
	 * @return whether the agent is attached
	 */
	boolean javaAgent() {
		return this.peer == Peer.OTEL_AGENT;
	}

	/**
	 * The application's command-line arguments for the mode.
	 * @param collector the OTLP/HTTP base URL of the sink
	 * @return Spring Boot arguments
	 */
	List<String> arguments(String collector) {
		List<String> arguments = new ArrayList<>();
		switch (this.peer) {
			case FASTAGENTIC -> {
				arguments.add("--fastagentic.otel.endpoint=" + collector);
				arguments.addAll(this.tracing.fastAgenticArguments());
			}
			case PLAIN_BOOT -> {
				arguments.add("--management.opentelemetry.tracing.export.otlp.endpoint=" + collector + "/v1/traces");
				arguments.add("--management.otlp.metrics.export.url=" + collector + "/v1/metrics");
				arguments.add("--spring.autoconfigure.exclude="
						+ String.join(",", BenchContexts.fastAgenticAutoConfigurations()));
				arguments.addAll(this.tracing.plainBootArguments());
			}
			case OTEL_AGENT -> {
				List<String> excluded = new ArrayList<>(BenchContexts.fastAgenticAutoConfigurations());
				excluded.addAll(BOOT_TRACING_AUTO_CONFIGURATIONS);
				arguments.add("--spring.autoconfigure.exclude=" + String.join(",", excluded));
				// Belt and braces: nothing of Boot's exports traces, and its metrics are
				// not pushed either (the agent's own metrics exporter is off too).
				arguments.add("--management.tracing.export.enabled=false");
				arguments.add("--management.otlp.metrics.export.enabled=false");
			}
		}
		return arguments;
	}

	/**
	 * The agent's configuration, as a user sets it: environment variables.
	 * @param collector the OTLP/HTTP base URL of the sink
	 * @return the variables, empty for the modes without the agent
	 */
	Map<String, String> agentEnvironment(String collector) {
		if (!javaAgent()) {
			return Map.of();
		}
		return Map.of("OTEL_SERVICE_NAME", "fastagentic-sample-agent", "OTEL_EXPORTER_OTLP_ENDPOINT", collector,
				"OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf", "OTEL_TRACES_EXPORTER", "otlp", "OTEL_METRICS_EXPORTER",
				"none", "OTEL_LOGS_EXPORTER", "none", "OTEL_TRACES_SAMPLER", "parentbased_traceidratio",
				"OTEL_TRACES_SAMPLER_ARG", Double.toString(this.tracing.rate()), "OTEL_BSP_SCHEDULE_DELAY",
				Integer.toString(AGENT_SCHEDULE_DELAY_MILLIS),
				// The in-process fake provider stands for a remote LLM provider: its
				// server side (the JDK's HttpServer) is not the application's to trace,
				// and neither FastAgentic nor the plain peer traces it.
				"OTEL_INSTRUMENTATION_JAVA_HTTP_SERVER_ENABLED", "false");
	}

	/**
	 * Who instruments the application.
	 */
	private enum Peer {

		FASTAGENTIC, PLAIN_BOOT, OTEL_AGENT

	}

}
