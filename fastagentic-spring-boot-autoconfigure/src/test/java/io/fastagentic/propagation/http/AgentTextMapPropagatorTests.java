package io.fastagentic.propagation.http;

import java.net.URI;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.fastagentic.sampling.RuleBasedSampler;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpMethod;
import org.springframework.mock.http.client.MockClientHttpRequest;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link AgentTextMapPropagator}, {@link B3AwareSampler} and
 * {@link BaggageHostAllowList}.
 */
class AgentTextMapPropagatorTests {

	private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

	private static final String SPAN_ID = "00f067aa0ba902b7";

	static final TextMapGetter<Map<String, String>> GETTER = new TextMapGetter<>() {

		@Override
		public Iterable<String> keys(Map<String, String> carrier) {
			return carrier.keySet();
		}

		@Override
		public String get(Map<String, String> carrier, String key) {
			return (carrier != null) ? carrier.get(key) : null;
		}

	};

	/**
	 * Reads every value of a header, as Spring's servlet request getter does.
	 */
	private static final TextMapGetter<Map<String, List<String>>> MULTI_GETTER = new TextMapGetter<>() {

		@Override
		public Iterable<String> keys(Map<String, List<String>> carrier) {
			return carrier.keySet();
		}

		@Override
		public String get(Map<String, List<String>> carrier, String key) {
			List<String> values = values(carrier, key);
			return values.isEmpty() ? null : values.get(0);
		}

		@Override
		public Iterator<String> getAll(Map<String, List<String>> carrier, String key) {
			return values(carrier, key).iterator();
		}

		private List<String> values(Map<String, List<String>> carrier, String key) {
			return carrier.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().equalsIgnoreCase(key))
				.findFirst()
				.map(Map.Entry::getValue)
				.orElse(List.of());
		}

	};

	private static final String TRACEPARENT = "00-" + TRACE_ID + "-" + SPAN_ID + "-01";

	private static final String OTHER_TRACEPARENT = "00-" + TRACE_ID.replace('4', '5') + "-" + SPAN_ID + "-01";

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
	void twoTraceparentsWithDifferentIdsStartANewTrace() {
		assertThat(parent(Map.of("traceparent", List.of(TRACEPARENT, OTHER_TRACEPARENT))).isValid()).isFalse();
		assertThat(parent(Map.of("traceparent", List.of(TRACEPARENT, TRACEPARENT))).getTraceId()).isEqualTo(TRACE_ID);
	}

	@Test
	void repeatedB3OrJaegerHeadersWithDifferentIdsStartANewTrace() {
		String otherTraceId = TRACE_ID.replace('4', '5');
		assertThat(parent(Map.of("b3", List.of(TRACE_ID + "-" + SPAN_ID + "-1", otherTraceId + "-" + SPAN_ID + "-1")))
			.isValid()).isFalse();
		assertThat(parent(Map.of("uber-trace-id",
				List.of(TRACE_ID + ":" + SPAN_ID + ":0:1", otherTraceId + ":" + SPAN_ID + ":0:1")))
			.isValid()).isFalse();
		Context conflictingMulti = this.trusting.extract(Context.root(), Map.of("X-B3-TraceId",
				List.of(TRACE_ID, otherTraceId), "X-B3-SpanId", List.of(SPAN_ID), "X-B3-Sampled", List.of("1")),
				MULTI_GETTER);
		assertThat(Span.fromContext(conflictingMulti).getSpanContext().isValid()).isFalse();
		assertThat(B3SamplingParent.stateOf(conflictingMulti)).isNull();
		assertThat(parent(Map.of("X-B3-TraceId", List.of(TRACE_ID, TRACE_ID), "X-B3-SpanId", List.of(SPAN_ID)))
			.getTraceId()).isEqualTo(TRACE_ID);
	}

	@Test
	void conflictingTraceparentLeavesTheOtherFormatsToNameTheParent() {
		SpanContext parent = parent(Map.of("traceparent", List.of(TRACEPARENT, OTHER_TRACEPARENT), "b3",
				List.of("11111111111111111111111111111111-2222222222222222-1")));
		assertThat(parent.getTraceId()).isEqualTo("11111111111111111111111111111111");
	}

	@Test
	void everyValueOfAServletRequestHeaderIsReadWhateverTheGetter() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.addHeader("traceparent", TRACEPARENT);
		request.addHeader("traceparent", OTHER_TRACEPARENT);
		TextMapGetter<HttpServletRequest> firstValueOnly = new TextMapGetter<>() {

			@Override
			public Iterable<String> keys(HttpServletRequest carrier) {
				return List.of();
			}

			@Override
			public String get(HttpServletRequest carrier, String key) {
				return carrier.getHeader(key);
			}

		};
		assertThat(Span.fromContext(this.trusting.extract(Context.root(), request, firstValueOnly))
			.getSpanContext()
			.isValid()).isFalse();
		MockHttpServletRequest combined = new MockHttpServletRequest();
		combined.addHeader("traceparent", TRACEPARENT);
		combined.addHeader("tracestate", "");
		combined.addHeader("tracestate", "rojo=1");
		combined.addHeader("tracestate", "congo=2");
		assertThat(Span.fromContext(this.trusting.extract(Context.root(), combined, firstValueOnly))
			.getSpanContext()
			.getTraceState()
			.asMap()).containsExactly(Map.entry("rojo", "1"), Map.entry("congo", "2"));
	}

	@Test
	void tracestateHeadersAreCombinedAndKeepTheFirstOfARepeatedKey() {
		SpanContext parent = parent(
				Map.of("traceparent", List.of(TRACEPARENT), "tracestate", List.of("foo=1,bar=2", "", "foo=3,baz=4")));
		assertThat(parent.getTraceState().asMap()).containsExactly(Map.entry("foo", "1"), Map.entry("bar", "2"),
				Map.entry("baz", "4"));
		Map<String, String> written = new LinkedHashMap<>();
		this.trusting.inject(Context.root().with(Span.wrap(parent)), written, Map::put);
		assertThat(written).containsEntry("tracestate", "foo=1,bar=2,baz=4");
	}

	@Test
	void tracestateIsReadOnlyWithAValidTraceparentAndNeverSetsFastAgenticsEntry() {
		assertThat(parent(Map.of("traceparent", List.of("00-" + TRACE_ID + "-0000000000000000-01"), "tracestate",
				List.of("foo=1")))
			.isValid()).isFalse();
		assertThat(
				parent(Map.of("traceparent", List.of(TRACEPARENT), "tracestate", List.of("fastagentic=b3-debug,foo=1")))
					.getTraceState()
					.asMap())
			.containsExactly(Map.entry("foo", "1"));
	}

	@Test
	void b3DenyWithoutIdsIsANotSampledNewTrace() {
		for (Map<String, List<String>> deny : List.of(Map.of("b3", List.of("0")),
				Map.of("X-B3-Sampled", List.of("0")))) {
			assertThat(serverSpan(Sampler.parentBased(Sampler.alwaysOn()), deny).getSpanContext().isSampled())
				.as("%s", deny)
				.isFalse();
			ReadableSpan recordedOnly = (ReadableSpan) serverSpan(RuleBasedSampler.create(1.0), deny);
			assertThat(recordedOnly.getParentSpanContext().isValid()).as("%s", deny).isFalse();
			assertThat(recordedOnly.getSpanContext().isSampled()).as("%s", deny).isFalse();
		}
	}

	@Test
	void b3AcceptWithoutIdsIsASampledNewTrace() {
		ReadableSpan server = (ReadableSpan) serverSpan(Sampler.parentBased(Sampler.alwaysOff()),
				Map.of("b3", List.of("1")));
		assertThat(server.getParentSpanContext().isValid()).isFalse();
		assertThat(server.getSpanContext().isSampled()).isTrue();
	}

	@Test
	void b3WithoutSampledFlagLetsThisServicesSamplerDecide() {
		for (Map<String, List<String>> deferred : List.of(Map.of("b3", List.of(TRACE_ID + "-" + SPAN_ID)),
				Map.of("X-B3-TraceId", List.of(TRACE_ID), "X-B3-SpanId", List.of(SPAN_ID)))) {
			ReadableSpan kept = (ReadableSpan) serverSpan(Sampler.parentBased(Sampler.traceIdRatioBased(1.0)),
					deferred);
			assertThat(kept.getSpanContext().getTraceId()).isEqualTo(TRACE_ID);
			assertThat(kept.getParentSpanContext().getSpanId()).isEqualTo(SPAN_ID);
			assertThat(kept.getSpanContext().isSampled()).as("%s", deferred).isTrue();
			ReadableSpan dropped = (ReadableSpan) serverSpan(RuleBasedSampler.create(0.0), deferred);
			assertThat(dropped.getParentSpanContext().getSpanId()).isEqualTo(SPAN_ID);
			assertThat(dropped.getSpanContext().isSampled()).as("%s", deferred).isFalse();
		}
	}

	@Test
	void b3DecisionAppliesToTheServerSpanOnly() {
		Context extracted = this.trusting.extract(Context.root(), Map.of("b3", List.of("0")), MULTI_GETTER);
		try (SdkTracerProvider provider = SdkTracerProvider.builder()
			.setSampler(B3AwareSampler.wrap(Sampler.parentBased(Sampler.alwaysOn())))
			.build()) {
			Span local = provider.get("test").spanBuilder("local root").setParent(Context.root()).startSpan();
			assertThat(local.getSpanContext().isSampled()).isTrue();
			Span sampledParent = Span.wrap(SpanContext.createFromRemoteParent(TRACE_ID, SPAN_ID,
					TraceFlags.getSampled(), TraceState.getDefault()));
			Span child = provider.get("test").spanBuilder("child").setParent(extracted.with(sampledParent)).startSpan();
			assertThat(child.getSpanContext().isSampled()).isTrue();
		}
	}

	@Test
	void b3DecisionsStayWithTheSamplerThatDoesNotKnowThem() {
		Context deferred = this.trusting.extract(Context.root(), Map.of("b3", List.of(TRACE_ID + "-" + SPAN_ID)),
				MULTI_GETTER);
		assertThat(Span.fromContext(deferred).getSpanContext().isSampled()).isFalse();
		try (SdkTracerProvider provider = SdkTracerProvider.builder()
			.setSampler(Sampler.parentBased(Sampler.alwaysOn()))
			.build()) {
			Span server = provider.get("test").spanBuilder("HTTP POST").setParent(deferred).startSpan();
			assertThat(server.getSpanContext().isSampled()).isFalse();
		}
	}

	@Test
	void b3DebugIsKeptForTheTraceAndWrittenAsB3SaysIt() {
		for (Map<String, List<String>> debug : List.of(Map.of("b3", List.of(TRACE_ID + "-" + SPAN_ID + "-d")),
				Map.of("X-B3-TraceId", List.of(TRACE_ID), "X-B3-SpanId", List.of(SPAN_ID), "X-B3-Flags", List.of("1"),
						"X-B3-Sampled", List.of("0")))) {
			ReadableSpan server = (ReadableSpan) serverSpan(Sampler.parentBased(Sampler.alwaysOff()), debug);
			assertThat(server.getSpanContext().isSampled()).isTrue();
			Context client = Context.root().with((Span) server);
			String spanId = server.getSpanContext().getSpanId();
			Map<String, String> multi = new LinkedHashMap<>();
			propagator("b3multi").inject(client, multi, Map::put);
			assertThat(multi).containsOnly(Map.entry("X-B3-TraceId", TRACE_ID), Map.entry("X-B3-SpanId", spanId),
					Map.entry("X-B3-Flags", "1"));
			Map<String, String> single = new LinkedHashMap<>();
			propagator("b3").inject(client, single, Map::put);
			assertThat(single).containsOnly(Map.entry("b3", TRACE_ID + "-" + spanId + "-d"));
			Map<String, String> w3c = new LinkedHashMap<>();
			propagator("tracecontext").inject(client, w3c, Map::put);
			assertThat(w3c).containsOnly(Map.entry("traceparent", "00-" + TRACE_ID + "-" + spanId + "-01"));
		}
	}

	@Test
	void b3SampledParentIsWrittenAsSampled() {
		ReadableSpan server = (ReadableSpan) serverSpan(Sampler.parentBased(Sampler.alwaysOff()),
				Map.of("b3", List.of(TRACE_ID + "-" + SPAN_ID + "-1")));
		Map<String, String> multi = new LinkedHashMap<>();
		propagator("b3multi").inject(Context.root().with((Span) server), multi, Map::put);
		assertThat(multi).containsEntry("X-B3-Sampled", "1").doesNotContainKey("X-B3-Flags");
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

	private SpanContext parent(Map<String, List<String>> headers) {
		return Span.fromContext(this.trusting.extract(Context.root(), headers, MULTI_GETTER)).getSpanContext();
	}

	/**
	 * The server span a request starts, on a real SDK whose sampler is wrapped as the
	 * auto-configuration wraps it.
	 */
	private Span serverSpan(Sampler sampler, Map<String, List<String>> headers) {
		Context extracted = this.trusting.extract(Context.root(), headers, MULTI_GETTER);
		try (SdkTracerProvider provider = SdkTracerProvider.builder()
			.setSampler(B3AwareSampler.wrap(sampler))
			.build()) {
			return provider.get("test")
				.spanBuilder("HTTP POST")
				.setSpanKind(SpanKind.SERVER)
				.setParent(extracted)
				.startSpan();
		}
	}

	private static AgentTextMapPropagator propagator(String format) {
		return AgentTextMapPropagator.create(List.of(format), true, BaggageHostAllowList.of(List.of()));
	}

}
