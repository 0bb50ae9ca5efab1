package io.fastagentic.sample;

import java.time.Duration;
import java.util.List;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The spans the application exported, read back from an in-memory exporter that sits in
 * Spring Boot's export pipeline next to (or instead of) OTLP.
 */
final class ExportedSpans {

	private final InMemorySpanExporter exporter;

	ExportedSpans(InMemorySpanExporter exporter) {
		this.exporter = exporter;
	}

	/**
	 * The spans of one trace, once its span named {@code rootName} has been exported.
	 */
	List<SpanData> awaitTrace(String traceId, String rootName) {
		return await().atMost(Duration.ofSeconds(20))
			.until(() -> trace(traceId), (spans) -> spans.stream().anyMatch((span) -> span.getName().equals(rootName)));
	}

	List<SpanData> trace(String traceId) {
		return this.exporter.getFinishedSpanItems()
			.stream()
			.filter((span) -> span.getTraceId().equals(traceId))
			.toList();
	}

	List<SpanData> all() {
		return this.exporter.getFinishedSpanItems();
	}

	static SpanData named(List<SpanData> spans, String name) {
		List<SpanData> matching = spans.stream().filter((span) -> span.getName().equals(name)).toList();
		assertThat(matching).as("spans named '%s' in %s", name, names(spans)).hasSize(1);
		return matching.get(0);
	}

	static List<String> names(List<SpanData> spans) {
		return spans.stream().map(SpanData::getName).toList();
	}

	/**
	 * The spans whose parent is the given span, oldest first.
	 */
	static List<SpanData> children(List<SpanData> spans, SpanData parent) {
		return spans.stream()
			.filter((span) -> span.getParentSpanId().equals(parent.getSpanId()))
			.sorted(java.util.Comparator.comparingLong(SpanData::getStartEpochNanos))
			.toList();
	}

	/**
	 * An attribute's value as text, whatever its type; assert the type with
	 * {@code span.getAttributes().get(AttributeKey.longKey(key))} where it matters.
	 */
	static String attribute(SpanData span, String key) {
		return span.getAttributes()
			.asMap()
			.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().getKey().equals(key))
			.map((entry) -> String.valueOf(entry.getValue()))
			.findFirst()
			.orElse(null);
	}

	/**
	 * Adds the in-memory exporter to the application under test.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class Configuration {

		@Bean
		InMemorySpanExporter inMemorySpanExporter() {
			return InMemorySpanExporter.create();
		}

		@Bean
		ExportedSpans exportedSpans(InMemorySpanExporter exporter) {
			return new ExportedSpans(exporter);
		}

	}

}
