package io.fastagentic.observation.handler;

import java.time.Duration;
import java.util.List;

import io.fastagentic.sampling.RuleBasedSampler;
import io.fastagentic.sampling.SamplingMonitor;
import io.fastagentic.sampling.TailSamplingSpanProcessor;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.tracing.otel.bridge.OtelSpan;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.Clock;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanLimits;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * Tests for {@link TypedSpanAttributes} on a real SDK: the attributes a span ends with,
 * their types, and the error key, whether the span is tagged at once or its attributes
 * wait for the sampling rules.
 */
class TypedSpanAttributesTests {

	private final InMemorySpanExporter exporter = InMemorySpanExporter.create();

	private final SpanProcessor exportPipeline = SimpleSpanProcessor.create(this.exporter);

	private SdkTracerProvider provider;

	@AfterEach
	void close() {
		this.provider.close();
	}

	@Test
	void keysBecomeTypedAttributesAndAKeyOfBothCardinalitiesKeepsItsHighCardinalityValue() {
		Span span = sampledSpan("llm.call gpt-4o-mini");
		TypedSpanAttributes.tagAll(llmCallContext(), OtelSpan.fromOtel(span), null);
		span.end();
		SpanData exported = onlySpan();
		assertLlmCallAttributes(exported);
		assertThat(exported.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
	}

	@Test
	void errorKeyFailsTheSpanOnceWithItsHighCardinalityValue() {
		Span span = sampledSpan("tool.call search");
		Observation.Context context = new Observation.Context();
		context.addLowCardinalityKeyValue(KeyValue.of("error", "IOException"));
		context.addHighCardinalityKeyValue(KeyValue.of("error", "connection refused"));
		context.addLowCardinalityKeyValue(KeyValue.of("tool", "search"));
		TypedSpanAttributes.tagAll(context, OtelSpan.fromOtel(span), null);
		span.end();
		SpanData exported = onlySpan();
		assertThat(exported.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
		assertThat(exported.getStatus().getDescription()).isEqualTo("connection refused");
		assertThat(exported.getEvents()).hasSize(1);
		assertThat(exported.getAttributes().asMap()).containsOnly(entry(AttributeKey.stringKey("tool"), "search"));
	}

	@Test
	void attributesDeferredForTheRulesAreTheSameWhenTheTraceIsKept() {
		TailSamplingSpanProcessor tail = new TailSamplingSpanProcessor(() -> this.exportPipeline,
				new TailSamplingSpanProcessor.Rules(true, null),
				new TailSamplingSpanProcessor.Limits(10, 100, Duration.ofMinutes(1)), Clock.getDefault(),
				new SamplingMonitor(), SpanLimits.getDefault());
		this.provider = SdkTracerProvider.builder()
			.setSampler(RuleBasedSampler.create(0.0))
			.addSpanProcessor(this.exportPipeline)
			.addSpanProcessor(tail)
			.build();
		Span root = this.provider.get("test").spanBuilder("HTTP POST /chat").startSpan();
		Span span = this.provider.get("test")
			.spanBuilder("llm.call gpt-4o-mini")
			.setParent(Context.root().with(root))
			.startSpan();
		TypedSpanAttributes.tagAll(llmCallContext(), OtelSpan.fromOtel(span), tail.deferredAttributes());
		assertThat(span.isRecording()).isTrue();
		span.end();
		assertThat(this.exporter.getFinishedSpanItems()).isEmpty();
		root.setStatus(StatusCode.ERROR);
		root.end();
		SpanData exported = this.exporter.getFinishedSpanItems()
			.stream()
			.filter((data) -> data.getName().startsWith("llm.call"))
			.findFirst()
			.orElseThrow();
		assertLlmCallAttributes(exported);
	}

	private static Observation.Context llmCallContext() {
		Observation.Context context = new Observation.Context();
		context.addLowCardinalityKeyValue(KeyValue.of("model", "gpt-4"));
		context.addHighCardinalityKeyValue(KeyValue.of("model", "gpt-4o"));
		context.addLowCardinalityKeyValue(KeyValue.of("gen_ai.request.stream", "true"));
		context.addHighCardinalityKeyValue(KeyValue.of("tokens.prompt", "12"));
		context.addHighCardinalityKeyValue(KeyValue.of("cost", "0.25"));
		context.addHighCardinalityKeyValue(KeyValue.of("gen_ai.response.finish_reasons", "stop,length"));
		context.addHighCardinalityKeyValue(KeyValue.of("tokens.completion", "many"));
		return context;
	}

	private Span sampledSpan(String name) {
		this.provider = SdkTracerProvider.builder()
			.setSampler(Sampler.alwaysOn())
			.addSpanProcessor(this.exportPipeline)
			.build();
		return this.provider.get("test").spanBuilder(name).startSpan();
	}

	/**
	 * What {@link #llmCallContext()} makes: typed values, a value that does not parse
	 * left a string, the high cardinality model over the low one.
	 */
	private static void assertLlmCallAttributes(SpanData span) {
		assertThat(span.getAttributes().asMap()).containsOnly(entry(AttributeKey.stringKey("model"), "gpt-4o"),
				entry(AttributeKey.longKey("tokens.prompt"), 12L), entry(AttributeKey.doubleKey("cost"), 0.25),
				entry(AttributeKey.booleanKey("gen_ai.request.stream"), true),
				entry(AttributeKey.stringArrayKey("gen_ai.response.finish_reasons"), List.of("stop", "length")),
				entry(AttributeKey.stringKey("tokens.completion"), "many"));
	}

	private SpanData onlySpan() {
		assertThat(this.exporter.getFinishedSpanItems()).hasSize(1);
		return this.exporter.getFinishedSpanItems().get(0);
	}

}
