package io.fastagentic.benchmarks.support;

import java.util.List;

/**
 * The tracing settings compared by the benchmarks, as FastAgentic's documented settings
 * and, where stock Spring Boot has an equivalent, as Spring Boot's own properties.
 */
public enum TracingMode {

	/**
	 * {@code FASTAGENTIC_TRACES_ENABLED=false}: every observation still runs (timers), no
	 * span is recorded or exported.
	 */
	OFF("off", 0.0, false),

	/**
	 * {@code FASTAGENTIC_OTEL_SAMPLE_RATE=0.01}.
	 */
	RATE_1("1 %", 0.01, false),

	/**
	 * {@code FASTAGENTIC_OTEL_SAMPLE_RATE=0.1}.
	 */
	RATE_10("10 %", 0.1, false),

	/**
	 * {@code FASTAGENTIC_OTEL_SAMPLE_RATE=1.0}, the default.
	 */
	RATE_100("100 %", 1.0, false),

	/**
	 * 1 % with {@code FASTAGENTIC_OTEL_SAMPLE_ERRORS=true} and
	 * {@code FASTAGENTIC_OTEL_SAMPLE_SLOW_THRESHOLD=5000}: the 99 % the ratio drops are
	 * recorded and buffered until their root ends.
	 */
	RATE_1_RULES("1 % + errors + slow", 0.01, true);

	private final String label;

	private final double rate;

	private final boolean rules;

	TracingMode(String label, double rate, boolean rules) {
		this.label = label;
		this.rate = rate;
		this.rules = rules;
	}

	/**
	 * How the mode is named in tables.
	 * @return the label
	 */
	public String label() {
		return this.label;
	}

	/**
	 * The ratio of traces sampled (the rules' buffer aside).
	 * @return 0.0 to 1.0
	 */
	public double rate() {
		return this.rate;
	}

	/**
	 * Whether stock Spring Boot can be configured the same way (it has no in-process
	 * error and slow rules).
	 * @return whether {@link #plainBootArguments()} exist
	 */
	public boolean hasPlainBootEquivalent() {
		return !this.rules;
	}

	/**
	 * The mode as FastAgentic's documented settings.
	 * @return command-line arguments
	 */
	public List<String> fastAgenticArguments() {
		if (this == OFF) {
			return List.of("--fastagentic.otel.traces-enabled=false");
		}
		if (this.rules) {
			return List.of("--fastagentic.otel.sample-rate=" + this.rate, "--fastagentic.otel.sample-errors=true",
					"--fastagentic.otel.sample-slow-threshold=5000");
		}
		return List.of("--fastagentic.otel.sample-rate=" + this.rate);
	}

	/**
	 * The mode as stock Spring Boot properties: what FastAgentic derives for it, without
	 * FastAgentic.
	 * @return command-line arguments
	 * @throws IllegalStateException for the rules mode, which Boot does not have
	 */
	public List<String> plainBootArguments() {
		if (this.rules) {
			throw new IllegalStateException("Spring Boot has no in-process error and slow sampling rules");
		}
		if (this == OFF) {
			return List.of("--management.tracing.export.enabled=false",
					"--management.opentelemetry.tracing.sampler=always-off");
		}
		return List.of("--management.tracing.sampling.probability=" + this.rate);
	}

}
