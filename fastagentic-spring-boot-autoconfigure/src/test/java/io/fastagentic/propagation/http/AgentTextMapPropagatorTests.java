package io.fastagentic.propagation.http;

import java.net.URI;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpMethod;
import org.springframework.mock.http.client.MockClientHttpRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link AgentTextMapPropagator} and {@link BaggageHostAllowList}.
 */
class AgentTextMapPropagatorTests {

	private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

	private static final String SPAN_ID = "00f067aa0ba902b7";

	private static final TextMapGetter<Map<String, String>> GETTER = new TextMapGetter<>() {

		@Override
		public Iterable<String> keys(Map<String, String> carrier) {
			return carrier.keySet();
		}

		@Override
		public String get(Map<String, String> carrier, String key) {
			return (carrier != null) ? carrier.get(key) : null;
		}

	};

	private final AgentTextMapPropagator trusting = AgentTextMapPropagator.create(List.of("tracecontext", "baggage"),
			true, BaggageHostAllowList.of(List.of("tools.internal")));

	@Test
	void w3cWinsWhenSeveralFormatsArrive() {
		Map<String, String> headers = Map.of("traceparent", "00-" + TRACE_ID + "-" + SPAN_ID + "-01", "b3",
				"11111111111111111111111111111111-2222222222222222-1");
		SpanContext extracted = Span.fromContext(this.trusting.extract(Context.root(), headers, GETTER))
			.getSpanContext();
		assertThat(extracted.getTraceId()).isEqualTo(TRACE_ID);
		assertThat(extracted.getSpanId()).isEqualTo(SPAN_ID);
		assertThat(extracted.isRemote()).isTrue();
	}

	@Test
	void incomingBaggageCannotSetRunOrUserId() {
		Baggage baggage = Baggage.fromContext(this.trusting.extract(Context.root(),
				Map.of("baggage", "run_id=evil,user_id=admin,tenant=acme"), GETTER));
		assertThat(baggage.asMap()).containsOnlyKeys("tenant");
	}

	@Test
	void incomingBaggageIsBoundedByTheW3cLimits() {
		String entries = IntStream.range(0, 400).mapToObj((i) -> "k" + i + "=v").collect(Collectors.joining(","));
		Baggage many = Baggage.fromContext(this.trusting.extract(Context.root(), Map.of("baggage", entries), GETTER));
		// OpenTelemetry's W3C parser keeps the first 64 entries, within our bound of 180.
		assertThat(many.size()).isPositive().isLessThanOrEqualTo(AgentTextMapPropagator.MAX_BAGGAGE_ENTRIES);
		assertThat(many.getEntryValue("k0")).isEqualTo("v");
		String huge = "a=1,b=" + "x".repeat(9000);
		Baggage cut = Baggage.fromContext(this.trusting.extract(Context.root(), Map.of("baggage", huge), GETTER));
		assertThat(cut.asMap()).containsOnlyKeys("a");
	}

	@Test
	void untrustedEdgeExtractsNeitherParentNorBaggage() {
		AgentTextMapPropagator untrusting = AgentTextMapPropagator.create(List.of("tracecontext"), false,
				BaggageHostAllowList.of(List.of()));
		Context extracted = untrusting.extract(Context.root(),
				Map.of("traceparent", "00-" + TRACE_ID + "-" + SPAN_ID + "-01", "baggage", "tenant=acme"), GETTER);
		assertThat(Span.fromContext(extracted).getSpanContext().isValid()).isFalse();
		assertThat(Baggage.fromContext(extracted).isEmpty()).isTrue();
	}

	@Test
	void baggageIsWrittenOnlyForAllowedHosts() {
		Context context = Context.root()
			.with(Span.wrap(SpanContext.create(TRACE_ID, SPAN_ID, TraceFlags.getSampled(), TraceState.getDefault())))
			.with(Baggage.builder().put("run_id", "run-1").build());
		MockClientHttpRequest allowed = new MockClientHttpRequest(HttpMethod.POST,
				URI.create("http://tools.internal/x"));
		this.trusting.inject(context, allowed, (carrier, key, value) -> carrier.getHeaders().set(key, value));
		assertThat(allowed.getHeaders().getFirst("baggage")).isEqualTo("run_id=run-1");
		assertThat(allowed.getHeaders().getFirst("traceparent")).isEqualTo("00-" + TRACE_ID + "-" + SPAN_ID + "-01");
		MockClientHttpRequest other = new MockClientHttpRequest(HttpMethod.POST,
				URI.create("https://api.openai.com/v1"));
		this.trusting.inject(context, other, (carrier, key, value) -> carrier.getHeaders().set(key, value));
		assertThat(other.getHeaders().getFirst("baggage")).isNull();
		assertThat(other.getHeaders().getFirst("traceparent")).isNotNull();
		Map<String, String> unknownCarrier = new HashMap<>();
		this.trusting.inject(context, unknownCarrier, Map::put);
		assertThat(unknownCarrier).containsOnlyKeys("traceparent");
	}

	@Test
	void noneWritesNothing() {
		AgentTextMapPropagator none = AgentTextMapPropagator.create(List.of("none"), true,
				BaggageHostAllowList.of(List.of()));
		Map<String, String> carrier = new LinkedHashMap<>();
		none.inject(
				Context.root()
					.with(Span
						.wrap(SpanContext.create(TRACE_ID, SPAN_ID, TraceFlags.getSampled(), TraceState.getDefault()))),
				carrier, Map::put);
		assertThat(carrier).isEmpty();
		assertThat(none.fields()).contains("traceparent", "b3", "uber-trace-id", "baggage");
	}

	@Test
	void unknownFormatIsRejected() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> AgentTextMapPropagator.create(List.of("xray"), true, BaggageHostAllowList.of(List.of())))
			.withMessageContaining("xray")
			.withMessageContaining("tracecontext, baggage, b3, b3multi, jaeger or none");
	}

	@Test
	void allowListMatchesHostsAndSuffixWildcards() {
		BaggageHostAllowList list = BaggageHostAllowList.of(List.of("tools.internal", "*.corp.example"));
		assertThat(list.allows("tools.internal")).isTrue();
		assertThat(list.allows("TOOLS.internal")).isTrue();
		assertThat(list.allows("a.corp.example")).isTrue();
		assertThat(list.allows("corp.example")).isFalse();
		assertThat(list.allows("evilcorp.example")).isFalse();
		assertThat(list.allows("api.openai.com")).isFalse();
		assertThat(list.allows(null)).isFalse();
		assertThat(BaggageHostAllowList.of(List.of()).allows("localhost")).isFalse();
	}

}
