package io.fastagentic.propagation.http;

import java.util.List;
import java.util.Map;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link UntrustedParentLinkSpanProcessor}: at an untrusted edge the server
 * span of a request is a new root linked to the caller's context, which travels in the
 * request's context only.
 */
class UntrustedParentLinkSpanProcessorTests {

	private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

	private static final String SPAN_ID = "00f067aa0ba902b7";

	private static final String DROPPED = "dropped";

	private final AgentTextMapPropagator untrusting = AgentTextMapPropagator.create(List.of("tracecontext"), false,
			BaggageHostAllowList.of(List.of()));

	/**
	 * Drops the spans named {@value #DROPPED}, records all others.
	 */
	private final SdkTracerProvider provider = SdkTracerProvider.builder().setSampler(new Sampler() {

		@Override
		public SamplingResult shouldSample(Context parentContext, String traceId, String name, SpanKind spanKind,
				Attributes attributes, List<LinkData> parentLinks) {
			return DROPPED.equals(name) ? SamplingResult.drop() : SamplingResult.recordAndSample();
		}

		@Override
		public String getDescription() {
			return "DropByName";
		}

	}).addSpanProcessor(new UntrustedParentLinkSpanProcessor()).build();

	@AfterEach
	void close() {
		this.provider.close();
	}

	@Test
	void serverSpanIsANewRootLinkedToTheIncomingContext() {
		ReadableSpan server = serverSpan("HTTP POST", incoming());
		assertThat(server.getParentSpanContext().isValid()).isFalse();
		assertThat(server.getSpanContext().getTraceId()).isNotEqualTo(TRACE_ID);
		assertThat(server.toSpanData().getLinks()).singleElement().satisfies((link) -> {
			assertThat(link.getSpanContext().getTraceId()).isEqualTo(TRACE_ID);
			assertThat(link.getSpanContext().getSpanId()).isEqualTo(SPAN_ID);
			assertThat(link.getAttributes().get(AttributeKey.stringKey("fastagentic.link.reason")))
				.isEqualTo("untrusted incoming context");
		});
	}

	@Test
	void sampledOutRequestLeavesNothingForTheNextRequestOnTheThread() {
		Span dropped = this.provider.get("test")
			.spanBuilder(DROPPED)
			.setSpanKind(SpanKind.SERVER)
			.setParent(incoming())
			.startSpan();
		assertThat(dropped.isRecording()).isFalse();
		Context withoutIncomingContext = this.untrusting.extract(Context.root(), Map.of(),
				AgentTextMapPropagatorTests.GETTER);
		ReadableSpan next = serverSpan("HTTP GET", withoutIncomingContext);
		assertThat(next.toSpanData().getLinks()).isEmpty();
	}

	@Test
	void onlyTheServerSpanOfTheRequestIsLinked() {
		Context incoming = incoming();
		Span client = this.provider.get("test")
			.spanBuilder("GET")
			.setSpanKind(SpanKind.CLIENT)
			.setParent(incoming)
			.startSpan();
		assertThat(((ReadableSpan) client).toSpanData().getLinks()).isEmpty();
		ReadableSpan server = serverSpan("HTTP POST", incoming);
		Span child = this.provider.get("test")
			.spanBuilder("inner")
			.setSpanKind(SpanKind.SERVER)
			.setParent(Context.root().with((Span) server))
			.startSpan();
		assertThat(((ReadableSpan) child).toSpanData().getLinks()).isEmpty();
	}

	private Context incoming() {
		return this.untrusting.extract(Context.root(), Map.of("traceparent", "00-" + TRACE_ID + "-" + SPAN_ID + "-01"),
				AgentTextMapPropagatorTests.GETTER);
	}

	private ReadableSpan serverSpan(String name, Context parent) {
		return (ReadableSpan) this.provider.get("test")
			.spanBuilder(name)
			.setSpanKind(SpanKind.SERVER)
			.setParent(parent)
			.startSpan();
	}

}
