package io.fastagentic.sample;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.fastagentic.sample.FakeProviderServer.RecordedRequest;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.restclient.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestTemplate;

import static io.fastagentic.sample.ExportedSpans.attribute;
import static io.fastagentic.sample.ExportedSpans.named;
import static io.fastagentic.sample.SampleApps.spans;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Trace context in and out of the sample agent: each incoming format becomes the parent
 * of the HTTP span, a trace header repeated with different ids starts a new trace,
 * {@code tracestate} headers are combined, B3's sampling states are honoured, the
 * configured formats reach the LLM provider through Spring AI's client, baggage only
 * reaches allowed hosts through Spring's, an untrusted edge starts new traces, and the
 * database itself receives the ids of the statement's span.
 */
class TraceContextPropagationTests {

	private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

	private static final String PARENT_ID = "00f067aa0ba902b7";

	private static final String OTHER_TRACE_ID = "5bf92f3577b35da6a3ce929d0e0e5736";

	private static final Pattern TRACE_RESPONSE = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-0([01])");

	private final SampleApps apps = new SampleApps(true);

	@AfterEach
	void stop() {
		this.apps.close();
	}

	static Stream<Arguments> incomingFormats() {
		return Stream.of(Arguments.of("W3C", Map.of("traceparent", "00-" + TRACE_ID + "-" + PARENT_ID + "-01")),
				Arguments.of("B3 single", Map.of("b3", TRACE_ID + "-" + PARENT_ID + "-1")),
				Arguments.of("B3 multi",
						Map.of("X-B3-TraceId", TRACE_ID, "X-B3-SpanId", PARENT_ID, "X-B3-Sampled", "1")),
				Arguments.of("Jaeger", Map.of("uber-trace-id", TRACE_ID + ":" + PARENT_ID + ":0:1")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("incomingFormats")
	void incomingContextBecomesTheParentOfTheHttpSpan(String format, Map<String, String> headers) throws Exception {
		ConfigurableApplicationContext context = this.apps.start();
		HttpResponse<String> response = chat(context, headers);
		assertThat(response.statusCode()).isEqualTo(200);
		Matcher traceResponse = traceResponse(response);
		assertThat(traceResponse.group(1)).isEqualTo(TRACE_ID);
		SpanData http = named(spans(context).awaitTrace(TRACE_ID, "HTTP POST /chat"), "HTTP POST /chat");
		assertThat(http.getTraceId()).isEqualTo(TRACE_ID);
		assertThat(http.getParentSpanId()).isEqualTo(PARENT_ID);
		assertThat(http.getParentSpanContext().isRemote()).isTrue();
	}

	@Test
	void incomingUnsampledDecisionIsHonoured() throws Exception {
		ConfigurableApplicationContext context = this.apps.start();
		HttpResponse<String> unsampled = chat(context,
				Map.of("traceparent", "00-" + TRACE_ID + "-" + PARENT_ID + "-00"));
		assertThat(unsampled.statusCode()).isEqualTo(200);
		assertThat(traceResponse(unsampled).group(3)).isEqualTo("0");
		assertThat(lastLlmRequest(context).header("traceparent")).startsWith("00-" + TRACE_ID + "-").endsWith("-00");
		HttpResponse<String> sampled = chat(context, Map.of());
		spans(context).awaitTrace(traceResponse(sampled).group(1), "HTTP POST /chat");
		assertThat(spans(context).trace(TRACE_ID)).isEmpty();
	}

	@Test
	void traceHeadersRepeatedWithDifferentIdsStartANewTraceAndIdenticalOnesCountOnce() throws Exception {
		ConfigurableApplicationContext context = this.apps.start();
		Map<String, List<Map.Entry<String, String>>> conflicting = Map.of("traceparent",
				List.of(Map.entry("traceparent", "00-" + TRACE_ID + "-" + PARENT_ID + "-01"),
						Map.entry("traceparent", "00-" + OTHER_TRACE_ID + "-" + PARENT_ID + "-01")),
				"b3",
				List.of(Map.entry("b3", TRACE_ID + "-" + PARENT_ID + "-1"),
						Map.entry("b3", OTHER_TRACE_ID + "-" + PARENT_ID + "-1")),
				"uber-trace-id",
				List.of(Map.entry("uber-trace-id", TRACE_ID + ":" + PARENT_ID + ":0:1"),
						Map.entry("uber-trace-id", OTHER_TRACE_ID + ":" + PARENT_ID + ":0:1")),
				// A sampled flag next to unusable ids decides nothing: this service does.
				"X-B3-TraceId", List.of(Map.entry("X-B3-TraceId", TRACE_ID), Map.entry("X-B3-TraceId", OTHER_TRACE_ID),
						Map.entry("X-B3-SpanId", PARENT_ID), Map.entry("X-B3-Sampled", "0")));
		for (Map.Entry<String, List<Map.Entry<String, String>>> headers : conflicting.entrySet()) {
			HttpResponse<String> response = SampleApps.chat(context, "Which trace am I in?", headers.getValue());
			assertThat(response.statusCode()).isEqualTo(200);
			String traceId = traceResponse(response).group(1);
			assertThat(traceId).as(headers.getKey()).isNotIn(TRACE_ID, OTHER_TRACE_ID);
			SpanData http = named(spans(context).awaitTrace(traceId, "HTTP POST /chat"), "HTTP POST /chat");
			assertThat(http.getParentSpanContext().isValid()).as(headers.getKey()).isFalse();
			// Sampled (03 adds W3C level 2's flag for a trace id generated at random).
			assertThat(lastLlmRequest(context).header("traceparent")).as(headers.getKey())
				.matches("00-" + traceId + "-[0-9a-f]{16}-0[13]");
		}
		HttpResponse<String> identical = SampleApps.chat(context, "Which trace am I in?",
				List.of(Map.entry("traceparent", "00-" + TRACE_ID + "-" + PARENT_ID + "-01"),
						Map.entry("traceparent", "00-" + TRACE_ID + "-" + PARENT_ID + "-01")));
		assertThat(traceResponse(identical).group(1)).isEqualTo(TRACE_ID);
		SpanData http = named(spans(context).awaitTrace(TRACE_ID, "HTTP POST /chat"), "HTTP POST /chat");
		assertThat(http.getParentSpanId()).isEqualTo(PARENT_ID);
	}

	@Test
	void tracestateHeadersAreCombinedAndReachTheProvider() throws Exception {
		ConfigurableApplicationContext context = this.apps.start();
		HttpResponse<String> response = SampleApps.chat(context, "Where does my state go?",
				List.of(Map.entry("traceparent", "00-" + TRACE_ID + "-" + PARENT_ID + "-01"),
						Map.entry("tracestate", "congo=t61rcWkgMzE,rojo=00f067aa0ba902b7"), Map.entry("tracestate", ""),
						Map.entry("tracestate", "42vendor=x, congo=older")));
		assertThat(traceResponse(response).group(1)).isEqualTo(TRACE_ID);
		SpanData http = named(spans(context).awaitTrace(TRACE_ID, "HTTP POST /chat"), "HTTP POST /chat");
		assertThat(http.getParentSpanContext().getTraceState().asMap()).containsExactly(
				Map.entry("congo", "t61rcWkgMzE"), Map.entry("rojo", "00f067aa0ba902b7"), Map.entry("42vendor", "x"));
		assertThat(lastLlmRequest(context).headers().get("tracestate"))
			.containsExactly("congo=t61rcWkgMzE,rojo=00f067aa0ba902b7,42vendor=x");
		HttpResponse<String> invalid = SampleApps.chat(context, "Where does my state go?",
				List.of(Map.entry("traceparent", "00-" + OTHER_TRACE_ID + "-" + PARENT_ID + "-01"),
						Map.entry("tracestate", "congo=t61rcWkgMzE"), Map.entry("tracestate", "Rojo=1")));
		assertThat(traceResponse(invalid).group(1)).isEqualTo(OTHER_TRACE_ID);
		assertThat(lastLlmRequest(context).header("traceparent")).startsWith("00-" + OTHER_TRACE_ID + "-");
		assertThat(lastLlmRequest(context).header("tracestate")).isNull();
	}

	@Test
	void b3DenyWithoutIdsIsANotSampledNewTrace() throws Exception {
		ConfigurableApplicationContext context = this.apps.start("--fastagentic.otel.propagators=b3");
		List<String> denied = new ArrayList<>();
		for (Map<String, String> deny : List.of(Map.of("b3", "0"), Map.of("X-B3-Sampled", "0"))) {
			HttpResponse<String> response = chat(context, deny);
			assertThat(response.statusCode()).isEqualTo(200);
			Matcher traceResponse = traceResponse(response);
			assertThat(traceResponse.group(3)).as("%s", deny).isEqualTo("0");
			String traceId = traceResponse.group(1);
			assertThat(lastLlmRequest(context).header("b3")).as("%s", deny).startsWith(traceId + "-").endsWith("-0");
			denied.add(traceId);
		}
		HttpResponse<String> sampled = chat(context, Map.of());
		spans(context).awaitTrace(traceResponse(sampled).group(1), "HTTP POST /chat");
		assertThat(denied).allSatisfy((traceId) -> assertThat(spans(context).trace(traceId)).isEmpty());
	}

	@Test
	void b3WithoutSampledFlagLetsThisServicesSamplerDecide() throws Exception {
		Map<String, String> deferring = Map.of("b3", TRACE_ID + "-" + PARENT_ID);
		ConfigurableApplicationContext keepsAll = this.apps.start("--fastagentic.otel.propagators=b3");
		HttpResponse<String> kept = chat(keepsAll, deferring);
		assertThat(traceResponse(kept).group(3)).isEqualTo("1");
		SpanData http = named(spans(keepsAll).awaitTrace(TRACE_ID, "HTTP POST /chat"), "HTTP POST /chat");
		assertThat(http.getParentSpanId()).isEqualTo(PARENT_ID);
		assertThat(lastLlmRequest(keepsAll).header("b3")).startsWith(TRACE_ID + "-").endsWith("-1");
		ConfigurableApplicationContext keepsNone = this.apps.start("--fastagentic.otel.propagators=b3",
				"--fastagentic.otel.sample-rate=0");
		HttpResponse<String> dropped = chat(keepsNone, deferring);
		assertThat(traceResponse(dropped).group(1)).isEqualTo(TRACE_ID);
		assertThat(traceResponse(dropped).group(3)).isEqualTo("0");
		assertThat(lastLlmRequest(keepsNone).header("b3")).startsWith(TRACE_ID + "-").endsWith("-0");
	}

	@Test
	void b3DebugLastsForTheRequestAndReachesTheProviderAsFlagsWithoutSampled() throws Exception {
		ConfigurableApplicationContext context = this.apps.start("--fastagentic.otel.propagators=b3multi,tracecontext",
				"--fastagentic.otel.sample-rate=0");
		HttpResponse<String> response = chat(context, Map.of("b3", TRACE_ID + "-" + PARENT_ID + "-d"));
		assertThat(traceResponse(response).group(3)).isEqualTo("1");
		List<SpanData> trace = spans(context).awaitTrace(TRACE_ID, "HTTP POST /chat");
		SpanData http = named(trace, "HTTP POST /chat");
		assertThat(http.getParentSpanId()).isEqualTo(PARENT_ID);
		SpanData llmHttpCall = answerRoundProviderCall(trace);
		RecordedRequest llmRequest = lastLlmRequest(context);
		assertThat(llmRequest.header("x-b3-traceid")).isEqualTo(TRACE_ID);
		assertThat(llmRequest.header("x-b3-spanid")).isEqualTo(llmHttpCall.getSpanId());
		assertThat(llmRequest.header("x-b3-flags")).isEqualTo("1");
		assertThat(llmRequest.header("x-b3-sampled")).isNull();
		assertThat(llmRequest.header("traceparent"))
			.isEqualTo("00-" + TRACE_ID + "-" + llmHttpCall.getSpanId() + "-01");
		assertThat(llmRequest.header("tracestate")).isNull();
	}

	/**
	 * The provider call of the answer round: the last request the provider received.
	 */
	private static SpanData answerRoundProviderCall(List<SpanData> trace) {
		List<SpanData> llmCalls = ExportedSpans.children(trace, named(trace, "agent.run /chat"))
			.stream()
			.filter((span) -> span.getName().equals("llm.call gpt-4o-mini"))
			.toList();
		return ExportedSpans.children(trace, llmCalls.get(llmCalls.size() - 1)).get(0);
	}

	static Stream<Arguments> outgoingFormats() {
		return Stream.of(
				Arguments.of("tracecontext,baggage", List.of("traceparent"),
						List.of("b3", "x-b3-traceid", "uber-trace-id", "baggage")),
				Arguments.of("b3", List.of("b3"), List.of("traceparent", "x-b3-traceid", "uber-trace-id", "baggage")),
				Arguments.of("b3multi", List.of("x-b3-traceid", "x-b3-spanid", "x-b3-sampled"),
						List.of("traceparent", "b3", "uber-trace-id")),
				Arguments.of("jaeger", List.of("uber-trace-id"), List.of("traceparent", "b3", "uberctx-run_id")),
				Arguments.of("none", List.of(),
						List.of("traceparent", "b3", "x-b3-traceid", "uber-trace-id", "baggage")));
	}

	@ParameterizedTest(name = "FASTAGENTIC_OTEL_PROPAGATORS={0}")
	@MethodSource("outgoingFormats")
	void providerReceivesExactlyTheConfiguredFormats(String propagators, List<String> present, List<String> absent)
			throws Exception {
		ConfigurableApplicationContext context = this.apps.start("--fastagentic.otel.propagators=" + propagators);
		HttpResponse<String> response = chat(context, Map.of());
		String traceId = traceResponse(response).group(1);
		List<SpanData> trace = spans(context).awaitTrace(traceId, "HTTP POST /chat");
		SpanData llmHttpCall = answerRoundProviderCall(trace);
		RecordedRequest llmRequest = lastLlmRequest(context);
		assertThat(present).allSatisfy((header) -> assertThat(llmRequest.header(header)).as(header).isNotNull());
		assertThat(absent).allSatisfy((header) -> assertThat(llmRequest.header(header)).as(header).isNull());
		String spanId = llmHttpCall.getSpanId();
		String flags = llmHttpCall.getSpanContext().getTraceFlags().asHex();
		switch (propagators) {
			case "tracecontext,baggage" ->
				assertThat(llmRequest.header("traceparent")).isEqualTo("00-" + traceId + "-" + spanId + "-" + flags);
			case "b3" -> assertThat(llmRequest.header("b3")).isEqualTo(traceId + "-" + spanId + "-1");
			case "b3multi" -> {
				assertThat(llmRequest.header("x-b3-traceid")).isEqualTo(traceId);
				assertThat(llmRequest.header("x-b3-spanid")).isEqualTo(spanId);
				assertThat(llmRequest.header("x-b3-sampled")).isEqualTo("1");
			}
			case "jaeger" -> assertThat(llmRequest.header("uber-trace-id")).isEqualTo(traceId + ":" + spanId + ":0:1");
			default -> {
			}
		}
	}

	@Test
	void restTemplateFromBootsBuilderCarriesTheContextToo() {
		ConfigurableApplicationContext context = this.apps.start("--fastagentic.otel.propagators=b3");
		RestTemplate restTemplate = context.getBean(RestTemplateBuilder.class).build();
		String searchUrl = context.getBean(FakeProviderServer.class).baseUri() + "/search?q=template";
		Observation tool = Observation.start("tool.call", context.getBean(ObservationRegistry.class));
		String traceId;
		try (Observation.Scope scope = tool.openScope()) {
			traceId = context.getBean(Tracer.class).currentSpan().context().traceId();
			restTemplate.getForObject(searchUrl, String.class);
		}
		finally {
			tool.stop();
		}
		RecordedRequest search = context.getBean(FakeProviderServer.class)
			.recentRequests()
			.stream()
			.filter((request) -> "template".equals(request.queryParameter("q")))
			.findFirst()
			.orElseThrow();
		assertThat(search.header("b3")).startsWith(traceId + "-");
		assertThat(search.header("traceparent")).isNull();
	}

	@Test
	void baggageReachesOnlyAllowedHosts() throws Exception {
		ConfigurableApplicationContext context = this.apps.start(
				"--fastagentic.otel.propagators=tracecontext,baggage,jaeger",
				"--fastagentic.otel.propagation.baggage-allowed-hosts=127.0.0.1");
		HttpResponse<String> response = chat(context, Map.of("baggage", "tenant=acme,user_id=spoofed"));
		String runId = response.headers().firstValue("X-Run-Id").orElseThrow();
		RecordedRequest search = lastRequest(context, "/search");
		assertThat(search.header("baggage")).contains("run_id=" + runId)
			.contains("user_id=anonymous")
			.contains("tenant=acme")
			.doesNotContain("spoofed");
		assertThat(search.header("uberctx-run_id")).isEqualTo(runId);
		// The allow-list knows the host of Spring's HTTP requests only: Spring AI's
		// OpenAI client gets the trace context, never baggage.
		RecordedRequest llmRequest = lastLlmRequest(context);
		assertThat(llmRequest.header("traceparent")).isNotNull();
		assertThat(llmRequest.header("baggage")).isNull();
		assertThat(llmRequest.header("uberctx-run_id")).isNull();
	}

	@Test
	void applicationsPropagatorBeanWritesItsHeaderNextToTheConfiguredFormats() throws Exception {
		ConfigurableApplicationContext context = this.apps.start(
				"--spring.main.sources=" + XRayStylePropagator.class.getName(),
				"--fastagentic.otel.propagators=tracecontext,b3");
		HttpResponse<String> response = chat(context, Map.of());
		String traceId = traceResponse(response).group(1);
		List<SpanData> trace = spans(context).awaitTrace(traceId, "HTTP POST /chat");
		SpanData searchCall = named(trace, "http get");
		RecordedRequest search = lastRequest(context, "/search");
		assertThat(search.header(XRayStylePropagator.HEADER)).isEqualTo("Root=1-" + traceId.substring(0, 8) + "-"
				+ traceId.substring(8) + ";Parent=" + searchCall.getSpanId() + ";Sampled=1");
		assertThat(search.header("traceparent")).isEqualTo("00-" + traceId + "-" + searchCall.getSpanId() + "-"
				+ searchCall.getSpanContext().getTraceFlags().asHex());
		assertThat(search.header("b3")).isEqualTo(traceId + "-" + searchCall.getSpanId() + "-1");
	}

	@Test
	void bootsBaggageRemoteFieldsComeInAndGoOut() throws Exception {
		ConfigurableApplicationContext context = this.apps.start("--management.tracing.baggage.remote-fields=x-tenant");
		chat(context, Map.of("x-tenant", "acme"));
		assertThat(lastRequest(context, "/search").header("x-tenant")).isEqualTo("acme");
		assertThat(lastLlmRequest(context).header("x-tenant")).isEqualTo("acme");
	}

	@Test
	void untrustedEdgeStartsANewTraceLinkedToTheIncomingOne() throws Exception {
		ConfigurableApplicationContext context = this.apps.start("--fastagentic.otel.propagation.trust-incoming=false",
				"--fastagentic.otel.propagation.baggage-allowed-hosts=127.0.0.1");
		HttpResponse<String> response = chat(context,
				Map.of("traceparent", "00-" + TRACE_ID + "-" + PARENT_ID + "-01", "baggage", "tenant=acme"));
		String traceId = traceResponse(response).group(1);
		assertThat(traceId).isNotEqualTo(TRACE_ID);
		SpanData http = named(spans(context).awaitTrace(traceId, "HTTP POST /chat"), "HTTP POST /chat");
		assertThat(http.getParentSpanContext().isValid()).isFalse();
		assertThat(http.getLinks()).singleElement().satisfies((LinkData link) -> {
			assertThat(link.getSpanContext().getTraceId()).isEqualTo(TRACE_ID);
			assertThat(link.getSpanContext().getSpanId()).isEqualTo(PARENT_ID);
		});
		assertThat(lastRequest(context, "/search").header("baggage")).contains("run_id=").doesNotContain("tenant");
	}

	@Test
	void databaseReceivesTheIdsOfTheStatementsSpan() throws Exception {
		ConfigurableApplicationContext context = this.apps.start();
		JdbcClient jdbc = context.getBean(JdbcClient.class);
		jdbc.sql("SET QUERY_STATISTICS TRUE").update();
		HttpResponse<String> response = chat(context, Map.of());
		String traceId = traceResponse(response).group(1);
		List<SpanData> trace = spans(context).awaitTrace(traceId, "HTTP POST /chat");
		List<String> received = receivedInserts(jdbc);
		List<SpanData> insertSpans = trace.stream()
			.filter((span) -> span.getName().equals("INSERT agent_checkpoint"))
			.toList();
		assertThat(insertSpans).hasSize(2).allSatisfy((insert) -> {
			assertThat(insert.getKind()).isEqualTo(SpanKind.CLIENT);
			assertThat(attribute(insert, "db.system")).isEqualTo("h2");
			assertThat(attribute(insert, "db.operation")).isEqualTo("INSERT");
			assertThat(attribute(insert, "db.statement")).startsWith("INSERT INTO agent_checkpoint");
			assertThat(received).anySatisfy((sql) -> assertThat(sql).endsWith("/*traceparent='00-" + traceId + "-"
					+ insert.getSpanId() + "-" + insert.getSpanContext().getTraceFlags().asHex() + "'*/"));
		});
		List<String> checkpointWrites = trace.stream()
			.filter((span) -> span.getName().equals("checkpoint.write"))
			.map(SpanData::getSpanId)
			.toList();
		assertThat(insertSpans).allSatisfy((insert) -> assertThat(checkpointWrites).contains(insert.getParentSpanId()));
	}

	@Test
	void commentsCanBeSwitchedOffWhileSpansStay() throws Exception {
		ConfigurableApplicationContext context = this.apps.start("--fastagentic.otel.propagation.jdbc-comment=false");
		JdbcClient jdbc = context.getBean(JdbcClient.class);
		jdbc.sql("SET QUERY_STATISTICS TRUE").update();
		HttpResponse<String> response = chat(context, Map.of());
		List<SpanData> trace = spans(context).awaitTrace(traceResponse(response).group(1), "HTTP POST /chat");
		assertThat(trace).filteredOn((span) -> span.getName().equals("INSERT agent_checkpoint")).hasSize(2);
		assertThat(receivedInserts(jdbc)).isNotEmpty()
			.allSatisfy((sql) -> assertThat(sql).doesNotContain("traceparent"));
	}

	@Test
	void plainStatementsCarryTheIdsOfTheirSpanAndPreparedStatementsClosedUnrunEndTheirs() {
		ConfigurableApplicationContext context = this.apps.start();
		JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
		jdbc.execute("SET QUERY_STATISTICS TRUE");
		Observation work = Observation.start("maintenance.job", context.getBean(ObservationRegistry.class));
		String traceId;
		try (Observation.Scope scope = work.openScope()) {
			traceId = context.getBean(Tracer.class).currentSpan().context().traceId();
			jdbc.execute("DELETE FROM agent_checkpoint WHERE run_id = 'nobody'");
			jdbc.execute((ConnectionCallback<Void>) (connection) -> {
				connection.prepareStatement("UPDATE agent_checkpoint SET step = 0 WHERE run_id = 'nobody'").close();
				return null;
			});
		}
		finally {
			work.stop();
		}
		List<SpanData> trace = spans(context).awaitTrace(traceId, "maintenance.job");
		SpanData delete = named(trace, "DELETE agent_checkpoint");
		assertThat(delete.getKind()).isEqualTo(SpanKind.CLIENT);
		assertThat(attribute(delete, "db.statement")).isEqualTo("DELETE FROM agent_checkpoint WHERE run_id = ?");
		List<String> received = jdbc.queryForList("SELECT SQL_STATEMENT FROM INFORMATION_SCHEMA.QUERY_STATISTICS",
				String.class);
		assertThat(received).filteredOn((sql) -> sql.startsWith("DELETE FROM agent_checkpoint"))
			.containsExactly("DELETE FROM agent_checkpoint WHERE run_id = 'nobody' /*traceparent='00-" + traceId + "-"
					+ delete.getSpanId() + "-" + delete.getSpanContext().getTraceFlags().asHex() + "'*/");
		SpanData unrun = named(trace, "UPDATE agent_checkpoint");
		assertThat(unrun.hasEnded()).isTrue();
		assertThat(unrun.getParentSpanId()).isEqualTo(named(trace, "maintenance.job").getSpanId());
	}

	private static List<String> receivedInserts(JdbcClient jdbc) {
		return jdbc.sql("SELECT SQL_STATEMENT FROM INFORMATION_SCHEMA.QUERY_STATISTICS")
			.query(String.class)
			.list()
			.stream()
			.filter((sql) -> sql.startsWith("INSERT INTO agent_checkpoint"))
			.toList();
	}

	private static RecordedRequest lastLlmRequest(ConfigurableApplicationContext context) {
		return lastRequest(context, "/v1/chat/completions");
	}

	private static RecordedRequest lastRequest(ConfigurableApplicationContext context, String path) {
		List<RecordedRequest> requests = context.getBean(FakeProviderServer.class)
			.recentRequests()
			.stream()
			.filter((request) -> request.path().equals(path))
			.toList();
		return requests.get(requests.size() - 1);
	}

	private static HttpResponse<String> chat(ConfigurableApplicationContext context, Map<String, String> headers)
			throws Exception {
		return SampleApps.chat(context, "Where does my context go?", headers);
	}

	private static Matcher traceResponse(HttpResponse<?> response) {
		Matcher matcher = TRACE_RESPONSE.matcher(response.headers().firstValue("traceresponse").orElseThrow());
		assertThat(matcher.matches()).isTrue();
		return matcher;
	}

	/**
	 * An application's own propagator, as AWS X-Ray users declare one: a bean that writes
	 * {@value #HEADER}.
	 */
	static class XRayStylePropagator implements TextMapPropagator {

		static final String HEADER = "X-Amzn-Trace-Id";

		@Override
		public Collection<String> fields() {
			return List.of(HEADER);
		}

		@Override
		public <C> void inject(Context context, @Nullable C carrier, TextMapSetter<C> setter) {
			SpanContext span = Span.fromContext(context).getSpanContext();
			if (span.isValid()) {
				setter.set(carrier, HEADER,
						"Root=1-" + span.getTraceId().substring(0, 8) + "-" + span.getTraceId().substring(8)
								+ ";Parent=" + span.getSpanId() + ";Sampled=" + (span.isSampled() ? "1" : "0"));
			}
		}

		@Override
		public <C> Context extract(Context context, @Nullable C carrier, TextMapGetter<C> getter) {
			return context;
		}

	}

}
