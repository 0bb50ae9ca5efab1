package io.fastagentic.export;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.trace.TestSpanData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;

/**
 * Finished spans for exporter tests.
 */
final class TestSpans {

	private TestSpans() {
	}

	static SpanData span(String name) {
		return TestSpanData.builder()
			.setName(name)
			.setKind(SpanKind.INTERNAL)
			.setStartEpochNanos(1)
			.setEndEpochNanos(2)
			.setHasEnded(true)
			.setStatus(StatusData.unset())
			.build();
	}

}
