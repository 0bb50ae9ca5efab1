package io.fastagentic.export;

import java.util.List;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.Value;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.ExceptionEventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link BoundedSpanExporter}: spans recorded by the real SDK, without a length
 * limit of its own, exported through it.
 */
class BoundedSpanExporterTests {

	private static final int MAX = 10;

	private static final String LONG = "0123456789abcdef";

	private final InMemorySpanExporter recorded = InMemorySpanExporter.create();

	private final InMemorySpanExporter received = InMemorySpanExporter.create();

	private final BoundedSpanExporter exporter = new BoundedSpanExporter(this.received, MAX);

	private final SdkTracerProvider tracerProvider = SdkTracerProvider.builder()
		.addSpanProcessor(SimpleSpanProcessor.create(this.recorded))
		.build();

	private final Tracer tracer = this.tracerProvider.get("test");

	@AfterEach
	void close() {
		this.tracerProvider.close();
	}

	@Test
	void spansWithinTheLimitArePassedOnAsTheyAre() {
		Span span = this.tracer.spanBuilder("short").startSpan();
		span.setAttribute("exact", LONG.substring(0, MAX));
		span.setAttribute("count", 12345678901L);
		span.setAttribute(AttributeKey.stringArrayKey("reasons"), List.of("stop", "length"));
		span.addEvent("retry", Attributes.of(AttributeKey.stringKey("reason"), "timeout"));
		span.end();
		SpanData data = exportRecorded().get(0);
		assertThat(data).isSameAs(this.recorded.getFinishedSpanItems().get(0));
	}

	@Test
	void longStringsAndStringsOfArraysAreCutAndOtherTypesKept() {
		Span span = this.tracer.spanBuilder("long").startSpan();
		span.setAttribute("prompt", LONG);
		span.setAttribute("tokens", 42L);
		span.setAttribute("cost", 0.5);
		span.setAttribute("stream", true);
		span.setAttribute(AttributeKey.stringArrayKey("reasons"), List.of("stop", LONG));
		span.setAttribute(AttributeKey.valueKey("structured"), Value.of(Value.of(LONG), Value.of(7L)));
		span.end();
		Attributes attributes = exportRecorded().get(0).getAttributes();
		assertThat(attributes.get(AttributeKey.stringKey("prompt"))).isEqualTo("0123456789");
		assertThat(attributes.get(AttributeKey.longKey("tokens"))).isEqualTo(42L);
		assertThat(attributes.get(AttributeKey.doubleKey("cost"))).isEqualTo(0.5);
		assertThat(attributes.get(AttributeKey.booleanKey("stream"))).isTrue();
		assertThat(attributes.get(AttributeKey.stringArrayKey("reasons"))).containsExactly("stop", "0123456789");
		assertThat(attributes.get(AttributeKey.valueKey("structured")))
			.isEqualTo(Value.of(Value.of("0123456789"), Value.of(7L)));
		assertThat(attributes.size()).isEqualTo(6);
	}

	@Test
	void exceptionStackTraceIsCutAndTheEventKeepsItsException() {
		IllegalStateException failure = new IllegalStateException(LONG);
		Span span = this.tracer.spanBuilder("failed").startSpan();
		span.recordException(failure);
		span.addEvent("note", Attributes.of(AttributeKey.stringKey("text"), LONG));
		span.end();
		SpanData data = exportRecorded().get(0);
		assertThat(data.getEvents()).hasSize(2);
		EventData exception = data.getEvents().get(0);
		EventData original = this.recorded.getFinishedSpanItems().get(0).getEvents().get(0);
		assertThat(exception).isInstanceOfSatisfying(ExceptionEventData.class,
				(event) -> assertThat(event.getException()).isSameAs(failure));
		assertThat(exception.getName()).isEqualTo("exception");
		assertThat(exception.getEpochNanos()).isEqualTo(original.getEpochNanos());
		assertThat(exception.getTotalAttributeCount()).isEqualTo(original.getTotalAttributeCount());
		assertThat(original.getAttributes().get(AttributeKey.stringKey("exception.stacktrace")))
			.hasSizeGreaterThan(MAX);
		assertThat(exception.getAttributes().get(AttributeKey.stringKey("exception.stacktrace"))).hasSize(MAX)
			.startsWith("java.lang.");
		assertThat(exception.getAttributes().get(AttributeKey.stringKey("exception.message"))).isEqualTo("0123456789");
		assertThat(data.getEvents().get(1).getName()).isEqualTo("note");
		assertThat(data.getEvents().get(1).getAttributes().get(AttributeKey.stringKey("text"))).isEqualTo("0123456789");
	}

	@Test
	void linkAttributesAreCut() {
		Span linked = this.tracer.spanBuilder("linked").startSpan();
		linked.end();
		Span span = this.tracer.spanBuilder("linking")
			.addLink(linked.getSpanContext(), Attributes.of(AttributeKey.stringKey("why"), LONG))
			.startSpan();
		span.end();
		SpanData data = exportRecorded().get(1);
		assertThat(data.getLinks()).singleElement().satisfies((link) -> {
			assertThat(link.getSpanContext()).isEqualTo(linked.getSpanContext());
			assertThat(link.getAttributes().get(AttributeKey.stringKey("why"))).isEqualTo("0123456789");
		});
	}

	@Test
	void onlyTheSpansWithALongValueAreCopied() {
		Span first = this.tracer.spanBuilder("first").startSpan();
		first.end();
		Span second = this.tracer.spanBuilder("second").setAttribute("text", LONG).startSpan();
		second.end();
		List<SpanData> exported = exportRecorded();
		List<SpanData> spans = this.recorded.getFinishedSpanItems();
		assertThat(exported.get(0)).isSameAs(spans.get(0));
		assertThat(exported.get(1)).isNotSameAs(spans.get(1));
		assertThat(exported.get(1).getName()).isEqualTo("second");
		assertThat(exported.get(1).getSpanContext()).isEqualTo(spans.get(1).getSpanContext());
		assertThat(exported.get(1).getTotalAttributeCount()).isOne();
	}

	@Test
	void maximumMustBePositive() {
		assertThatIllegalArgumentException().isThrownBy(() -> new BoundedSpanExporter(this.received, 0))
			.withMessageContaining("must be positive");
	}

	private List<SpanData> exportRecorded() {
		assertThat(this.exporter.export(this.recorded.getFinishedSpanItems()).isSuccess()).isTrue();
		return this.received.getFinishedSpanItems();
	}

}
