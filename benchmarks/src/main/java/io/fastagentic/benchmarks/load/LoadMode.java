package io.fastagentic.benchmarks.load;

import java.util.ArrayList;
import java.util.List;

import io.fastagentic.benchmarks.support.BenchContexts;
import io.fastagentic.benchmarks.support.TracingMode;

/**
 * A configuration of the sample application in the load run.
 */
enum LoadMode {

	/**
	 * {@code FASTAGENTIC_TRACES_ENABLED=false}.
	 */
	OFF(TracingMode.OFF, false),

	/**
	 * 1 %.
	 */
	RATE_1(TracingMode.RATE_1, false),

	/**
	 * 10 %.
	 */
	RATE_10(TracingMode.RATE_10, false),

	/**
	 * 100 %, the default.
	 */
	RATE_100(TracingMode.RATE_100, false),

	/**
	 * 1 % with the errors and slow (5 s) rules.
	 */
	RATE_1_RULES(TracingMode.RATE_1_RULES, false),

	/**
	 * Stock Spring Boot tracing at 100 %, FastAgentic excluded.
	 */
	PLAIN_BOOT_100(TracingMode.RATE_100, true);

	private final TracingMode tracing;

	private final boolean plainBoot;

	LoadMode(TracingMode tracing, boolean plainBoot) {
		this.tracing = tracing;
		this.plainBoot = plainBoot;
	}

	String label() {
		return this.plainBoot ? "plain Spring Boot peer, 100 %" : this.tracing.label();
	}

	boolean plainBoot() {
		return this.plainBoot;
	}

	List<String> arguments(String collector) {
		List<String> arguments = new ArrayList<>();
		if (this.plainBoot) {
			arguments.add("--management.opentelemetry.tracing.export.otlp.endpoint=" + collector + "/v1/traces");
			arguments.add("--management.otlp.metrics.export.url=" + collector + "/v1/metrics");
			arguments.add("--spring.autoconfigure.exclude="
					+ String.join(",", BenchContexts.fastAgenticAutoConfigurations()));
			arguments.addAll(this.tracing.plainBootArguments());
		}
		else {
			arguments.add("--fastagentic.otel.endpoint=" + collector);
			arguments.addAll(this.tracing.fastAgenticArguments());
		}
		return arguments;
	}

}
