package io.fastagentic.autoconfigure.otel;

import org.junit.jupiter.api.Test;

import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link InvalidTracingPropertyFailureAnalyzer}.
 */
class InvalidTracingPropertyFailureAnalyzerTests {

	private final InvalidTracingPropertyFailureAnalyzer analyzer = new InvalidTracingPropertyFailureAnalyzer();

	@Test
	void reportNamesPropertyVariableValueAndAcceptedValues() {
		FailureAnalysis analysis = this.analyzer
			.analyze(new IllegalStateException("wrapped", TracingSetting.SAMPLE_RATE.invalid("abc")));
		assertThat(analysis.getDescription()).contains("fastagentic.otel.sample-rate", "'abc'");
		assertThat(analysis.getAction()).contains("FASTAGENTIC_OTEL_SAMPLE_RATE", "fastagentic.otel.sample-rate",
				"a number from 0.0 to 1.0");
	}

	@Test
	void reportNeverShowsHeaderValues() {
		FailureAnalysis analysis = this.analyzer.analyze(TracingSetting.HEADERS.invalid("x-team=SECRET"));
		assertThat(analysis.getDescription()).doesNotContain("SECRET").contains("not shown");
		assertThat(analysis.getAction()).contains("FASTAGENTIC_OTEL_HEADERS", "key=value");
	}

}
