package io.fastagentic.correlation;

import java.util.List;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.otel.bridge.OtelBaggageManager;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.AttributeType;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MicrometerAgentTracer}, over Micrometer's no-op tracer and over a real
 * OpenTelemetry SDK.
 */
class MicrometerAgentTracerTests {

	private final InMemorySpanExporter exporter = InMemorySpanExporter.create();

	private final SdkTracerProvider tracerProvider = SdkTracerProvider.builder()
		.addSpanProcessor(SimpleSpanProcessor.create(this.exporter))
		.build();

	private final OtelTracer tracer = otelTracer(this.tracerProvider);

	private final MicrometerAgentTracer agentTracer = new MicrometerAgentTracer(this.tracer);

	@AfterEach
	void closeTracerProvider() {
		this.tracerProvider.close();
	}

	@Test
	void withTracingOffSpansAreInertAndNoIdsAreKnown() {
		MicrometerAgentTracer noop = new MicrometerAgentTracer(Tracer.NOOP);
		try (AgentSpan span = noop.startSpan("custom.preprocessing")) {
			assertThat(span.setAttribute("language", "en")).isSameAs(span);
			assertThat(span.setAttribute("input_size", 42L)).isSameAs(span);
			assertThat(span.setAttribute("score", 0.5)).isSameAs(span);
			assertThat(span.setAttribute("cached", true)).isSameAs(span);
			assertThat(span.recordException(new IllegalStateException("boom"))).isSameAs(span);
		}
		assertThat(noop.currentRunId()).isNull();
		assertThat(noop.currentUserId()).isNull();
	}

	@Test
	void spanIsExportedAsChildOfTheCurrentSpanWithTypedAttributes() {
		Span parent = this.tracer.nextSpan().name("agent.run /chat").start();
		try (Tracer.SpanInScope scope = this.tracer.withSpan(parent)) {
			try (AgentSpan span = this.agentTracer.startSpan("custom.preprocessing")) {
				span.setAttribute("input_size", 42L)
					.setAttribute("language", "en")
					.setAttribute("score", 0.5)
					.setAttribute("cached", true);
			}
		}
		finally {
			parent.end();
		}
		SpanData child = exported("custom.preprocessing");
		SpanData parentData = exported("agent.run /chat");
		assertThat(child.getParentSpanId()).isEqualTo(parentData.getSpanId());
		assertThat(child.getTraceId()).isEqualTo(parentData.getTraceId());
		assertThat(child.getAttributes().get(AttributeKey.longKey("input_size"))).isEqualTo(42L);
		assertThat(child.getAttributes().get(AttributeKey.stringKey("language"))).isEqualTo("en");
		assertThat(child.getAttributes().get(AttributeKey.doubleKey("score"))).isEqualTo(0.5);
		assertThat(child.getAttributes().get(AttributeKey.booleanKey("cached"))).isTrue();
		assertThat(child.getAttributes().asMap().keySet()).filteredOn((key) -> key.getKey().equals("input_size"))
			.singleElement()
			.satisfies((key) -> assertThat(key.getType()).isEqualTo(AttributeType.LONG));
		assertThat(child.hasEnded()).isTrue();
	}

	@Test
	void spanIsCurrentUntilClosed() {
		Span parent = this.tracer.nextSpan().name("agent.run /chat").start();
		try (Tracer.SpanInScope scope = this.tracer.withSpan(parent)) {
			String childSpanId;
			try (AgentSpan span = this.agentTracer.startSpan("custom.preprocessing")) {
				childSpanId = this.tracer.currentSpan().context().spanId();
				assertThat(childSpanId).isNotEqualTo(parent.context().spanId());
			}
			assertThat(this.tracer.currentSpan().context().spanId()).isEqualTo(parent.context().spanId());
			assertThat(exported("custom.preprocessing").getSpanId()).isEqualTo(childSpanId);
		}
		finally {
			parent.end();
		}
	}

	@Test
	void spanWithoutCurrentSpanStartsATrace() {
		try (AgentSpan span = this.agentTracer.startSpan("custom.batch")) {
			span.setAttribute("items", 3L);
		}
		SpanData exported = exported("custom.batch");
		assertThat(exported.getParentSpanContext().isValid()).isFalse();
		assertThat(this.tracer.currentSpan()).isNull();
	}

	@Test
	void recordedExceptionMarksTheSpanAsFailed() {
		try (AgentSpan span = this.agentTracer.startSpan("custom.preprocessing")) {
			span.recordException(new IllegalStateException("input too long"));
		}
		SpanData exported = exported("custom.preprocessing");
		assertThat(exported.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
		assertThat(exported.getEvents()).anySatisfy((event) -> {
			assertThat(event.getName()).isEqualTo("exception");
			assertThat(event.getAttributes().get(AttributeKey.stringKey("exception.message")))
				.isEqualTo("input too long");
		});
	}

	@Test
	void currentRunIdAndUserIdAreTheCurrentCorrelation() {
		assertThat(this.agentTracer.currentRunId()).isNull();
		assertThat(this.agentTracer.currentUserId()).isNull();
		try (Scope userId = AgentCorrelation.openUser("alice"); Scope runId = AgentCorrelation.openRun("run-1")) {
			assertThat(this.agentTracer.currentRunId()).isEqualTo("run-1");
			assertThat(this.agentTracer.currentUserId()).isEqualTo("alice");
		}
		assertThat(this.agentTracer.currentRunId()).isNull();
		assertThat(this.agentTracer.currentUserId()).isNull();
	}

	private SpanData exported(String name) {
		return this.exporter.getFinishedSpanItems()
			.stream()
			.filter((span) -> span.getName().equals(name))
			.reduce((first, second) -> {
				throw new AssertionError("More than one span named " + name);
			})
			.orElseThrow(() -> new AssertionError("No span named " + name + " in "
					+ this.exporter.getFinishedSpanItems().stream().map(SpanData::getName).toList()));
	}

	private static OtelTracer otelTracer(SdkTracerProvider tracerProvider) {
		OtelCurrentTraceContext currentTraceContext = new OtelCurrentTraceContext();
		return new OtelTracer(tracerProvider.get("test"), currentTraceContext, (event) -> {
		}, new OtelBaggageManager(currentTraceContext, List.of(), List.of()));
	}

}
