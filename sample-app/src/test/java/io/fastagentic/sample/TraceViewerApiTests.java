package io.fastagentic.sample;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.openai.errors.InternalServerException;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.tracing.test.autoconfigure.AutoConfigureTracing;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The trace viewer's JSON API ({@code /actuator/traces}) after real requests to the
 * sample agent, checked against the spans Spring Boot's pipeline exported.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "management.opentelemetry.tracing.export.schedule-delay=10ms")
@AutoConfigureTracing
@Import(ExportedSpans.Configuration.class)
class TraceViewerApiTests {

	@LocalServerPort
	private int port;

	@Autowired
	private ExportedSpans spans;

	private ViewerApi api;

	@BeforeEach
	void createClient() {
		this.api = new ViewerApi(this.port);
	}

	@Test
	void chatIsListedWithItsRootSpanCountRunAndUser() throws Exception {
		ViewerApi.Chat chat = this.api.chat("What is OpenTelemetry?");
		assertThat(chat.status()).isEqualTo(200);
		JsonNode trace = this.api.awaitListed(chat.traceId(), "HTTP POST /chat");
		List<SpanData> exported = this.spans.awaitTrace(chat.traceId(), "HTTP POST /chat");

		assertThat(trace.path("traceId").asString()).isEqualTo(chat.traceId());
		assertThat(trace.path("spanCount").asInt()).isEqualTo(exported.size()).isGreaterThanOrEqualTo(11);
		assertThat(trace.path("droppedSpans").asLong()).isZero();
		assertThat(trace.path("status").asString()).isEqualTo("OK");
		assertThat(trace.path("runId").asString()).isEqualTo(chat.runId());
		assertThat(trace.path("userId").asString()).isEqualTo("anonymous");
		long start = exported.stream().mapToLong(SpanData::getStartEpochNanos).min().orElseThrow();
		long end = exported.stream().mapToLong(SpanData::getEndEpochNanos).max().orElseThrow();
		assertThat(trace.path("startEpochNanos").asLong()).isEqualTo(start);
		assertThat(Instant.parse(trace.path("start").asString())).isEqualTo(Instant.ofEpochSecond(0, start));
		assertThat(trace.path("durationNanos").asLong()).isEqualTo(end - start);
		assertThat(this.api.traces("")).extracting((listed) -> listed.path("traceId").asString())
			.contains(chat.traceId());
	}

	@Test
	void filtersByRunIdTraceIdAndStatus() throws Exception {
		ViewerApi.Chat first = this.api.chat("First question");
		ViewerApi.Chat second = this.api.chat("Second question");
		ViewerApi.Chat failed = this.api.chat("Break [fail] please");
		assertThat(failed.status()).isEqualTo(502);
		this.api.awaitListed(first.traceId(), "HTTP POST /chat");
		this.api.awaitListed(second.traceId(), "HTTP POST /chat");
		JsonNode failedTrace = this.api.awaitListed(failed.traceId(), "HTTP POST /chat");
		assertThat(failedTrace.path("status").asString()).isEqualTo("ERROR");
		assertThat(failedTrace.path("runId").asString()).isEqualTo(failed.runId());

		assertThat(traceIds("?runId=" + first.runId())).containsExactly(first.traceId());
		assertThat(traceIds("?runId=" + failed.runId())).containsExactly(failed.traceId());
		assertThat(traceIds("?traceId=" + second.traceId())).containsExactly(second.traceId());
		assertThat(traceIds("?runId=" + first.runId() + "&traceId=" + second.traceId())).isEmpty();
		assertThat(traceIds("?runId=run-unknown")).isEmpty();
		List<JsonNode> errors = this.api.traces("?status=ERROR");
		assertThat(errors).allSatisfy((trace) -> assertThat(trace.path("status").asString()).isEqualTo("ERROR"));
		assertThat(errors).extracting((trace) -> trace.path("traceId").asString())
			.contains(failed.traceId())
			.doesNotContain(first.traceId(), second.traceId());
		assertThat(traceIds("?status=OK")).contains(first.traceId(), second.traceId()).doesNotContain(failed.traceId());
		assertThat(traceIds("")).contains(first.traceId(), second.traceId(), failed.traceId());
	}

	@Test
	void listedRunCarriesTheRunTotalsOfItsAgentRunAsNumbers() throws Exception {
		ViewerApi.Chat chat = this.api.chat("What is OpenTelemetry?");
		JsonNode trace = this.api.awaitListed(chat.traceId(), "HTTP POST /chat");
		SpanData run = ExportedSpans.named(this.spans.awaitTrace(chat.traceId(), "HTTP POST /chat"), "agent.run /chat");
		Attributes totals = run.getAttributes();
		long prompt = totals.get(AttributeKey.longKey("tokens.prompt"));
		long completion = totals.get(AttributeKey.longKey("tokens.completion"));

		assertThat(trace.path("endpoint").asString()).isEqualTo("/chat");
		assertThat(trace.path("serviceName").asString()).isEqualTo("fastagentic-sample-agent");
		assertThat(trace.path("models").isArray()).isTrue();
		assertThat(trace.path("models")).extracting(JsonNode::asString).containsExactly("gpt-4o-mini");
		assertThat(trace.path("llmCalls").isIntegralNumber()).isTrue();
		assertThat(trace.path("llmCalls").asLong()).isEqualTo(totals.get(AttributeKey.longKey("llm.calls")))
			.isEqualTo(2);
		assertThat(trace.path("toolCalls").isIntegralNumber()).isTrue();
		assertThat(trace.path("toolCalls").asLong()).isOne();
		assertThat(trace.path("promptTokens").isIntegralNumber()).isTrue();
		assertThat(trace.path("promptTokens").asLong()).isEqualTo(prompt).isPositive();
		assertThat(trace.path("completionTokens").asLong()).isEqualTo(completion).isPositive();
		assertThat(trace.path("totalTokens").isIntegralNumber()).isTrue();
		assertThat(trace.path("totalTokens").asLong()).isEqualTo(prompt + completion);
		assertThat(trace.path("cost").isFloatingPointNumber()).isTrue();
		assertThat(trace.path("cost").asDouble()).isEqualTo(totals.get(AttributeKey.doubleKey("cost"))).isPositive();
		// The run's totals are its calls' usage.
		List<SpanData> calls = this.spans.trace(chat.traceId())
			.stream()
			.filter((span) -> span.getName().equals("llm.call gpt-4o-mini"))
			.toList();
		assertThat(calls).hasSize(2);
		assertThat(calls.stream()
			.mapToLong((span) -> span.getAttributes().get(AttributeKey.longKey("tokens.prompt")))
			.sum()).isEqualTo(prompt);
	}

	@Test
	void failedRunCountsTheCallsItMadeAndIsFoundByItsErrorType() throws Exception {
		ViewerApi.Chat failed = this.api.chat("Break [fail] for the totals");
		JsonNode trace = this.api.awaitListed(failed.traceId(), "HTTP POST /chat");
		assertThat(trace.path("status").asString()).isEqualTo("ERROR");
		assertThat(trace.path("llmCalls").asLong()).isEqualTo(2);
		assertThat(trace.path("toolCalls").asLong()).isOne();
		assertThat(traceIds("?search=" + InternalServerException.class.getSimpleName().toLowerCase()))
			.contains(failed.traceId());
	}

	@Test
	void filtersByEndpointModelDurationCostAndText() throws Exception {
		ViewerApi.Chat chat = this.api.chat("Filter me");
		JsonNode trace = this.api.awaitListed(chat.traceId(), "HTTP POST /chat");
		double cost = trace.path("cost").asDouble();
		long durationMicros = trace.path("durationNanos").asLong() / 1000;

		assertThat(traceIds("?endpoint=/chat")).contains(chat.traceId());
		assertThat(traceIds("?endpoint=/other")).isEmpty();
		assertThat(traceIds("?model=gpt-4o-mini")).contains(chat.traceId());
		assertThat(traceIds("?model=gpt-4o")).isEmpty();
		assertThat(traceIds("?minDuration=" + durationMicros + "us")).contains(chat.traceId());
		assertThat(traceIds("?minDuration=1h")).isEmpty();
		assertThat(traceIds("?minCost=" + cost)).contains(chat.traceId());
		assertThat(traceIds("?minCost=" + (cost * 2))).doesNotContain(chat.traceId());
		assertThat(traceIds("?search=" + chat.runId().toUpperCase())).containsExactly(chat.traceId());
		assertThat(traceIds("?search=tool.call%20search&runId=" + chat.runId())).containsExactly(chat.traceId());
		assertThat(traceIds("?search=no-such-text")).isEmpty();
	}

	@Test
	void invalidFilterValuesAreBadRequests() throws Exception {
		assertThat(this.api.get("/actuator/traces?status=BROKEN").statusCode()).isEqualTo(400);
		assertThat(this.api.get("/actuator/traces?minDuration=soon").statusCode()).isEqualTo(400);
		assertThat(this.api.get("/actuator/traces?minCost=cheap").statusCode()).isEqualTo(400);
		assertThat(this.api.get("/actuator/traces?status=error").statusCode()).isEqualTo(200);
	}

	@Test
	void traceCarriesEverySpanWithParentageKindTimesStatusAttributesAndEvents() throws Exception {
		ViewerApi.Chat chat = this.api.chat("Break [fail] again");
		this.api.awaitListed(chat.traceId(), "HTTP POST /chat");
		List<SpanData> exported = this.spans.awaitTrace(chat.traceId(), "HTTP POST /chat");
		JsonNode trace = this.api.json("/actuator/traces/" + chat.traceId());

		assertThat(trace.path("summary").path("traceId").asString()).isEqualTo(chat.traceId());
		// Actuator leaves null fields out.
		assertThat(trace.has("jaegerUrl")).isFalse();
		Map<String, JsonNode> byId = new HashMap<>();
		trace.path("spans").forEach((span) -> byId.put(span.path("spanId").asString(), span));
		assertThat(byId.keySet())
			.containsExactlyInAnyOrderElementsOf(exported.stream().map(SpanData::getSpanId).toList());
		for (SpanData span : exported) {
			JsonNode viewed = byId.get(span.getSpanId());
			assertThat(viewed.path("name").asString()).isEqualTo(span.getName());
			assertThat(viewed.path("kind").asString()).isEqualTo(span.getKind().name());
			assertThat(viewed.path("startEpochNanos").asLong()).isEqualTo(span.getStartEpochNanos());
			assertThat(viewed.path("endEpochNanos").asLong()).isEqualTo(span.getEndEpochNanos());
			assertThat(viewed.path("durationNanos").asLong())
				.isEqualTo(span.getEndEpochNanos() - span.getStartEpochNanos());
			assertThat(viewed.path("status").asString()).isEqualTo(span.getStatus().getStatusCode().name());
			assertThat(viewed.path("attributes").size()).isEqualTo(span.getAttributes().size());
			assertThat(viewed.path("events").size()).isEqualTo(span.getEvents().size());
			if (span.getParentSpanContext().isValid()) {
				assertThat(viewed.path("parentSpanId").asString()).isEqualTo(span.getParentSpanId());
			}
			else {
				assertThat(viewed.has("parentSpanId")).isFalse();
			}
		}
		JsonNode http = byId.get(chat.httpSpanId());
		assertThat(http.path("name").asString()).isEqualTo("HTTP POST /chat");
		assertThat(http.path("kind").asString()).isEqualTo("SERVER");
		assertThat(http.path("attributes").path("http.route").asString()).isEqualTo("/chat");
		JsonNode run = named(trace, "agent.run /chat");
		assertThat(run.path("parentSpanId").asString()).isEqualTo(chat.httpSpanId());
		assertThat(run.path("attributes").path("run_id").asString()).isEqualTo(chat.runId());
		assertThat(run.path("status").asString()).isEqualTo("ERROR");
		// The tool round succeeded; the provider failed the answer.
		List<JsonNode> llmCalls = new ArrayList<>();
		trace.path("spans").forEach((span) -> {
			if (span.path("name").asString().equals("llm.call gpt-4o-mini")) {
				llmCalls.add(span);
			}
		});
		assertThat(llmCalls).extracting((span) -> span.path("status").asString())
			.containsExactlyInAnyOrder("UNSET", "ERROR");
		JsonNode llm = llmCalls.stream()
			.filter((span) -> span.path("status").asString().equals("ERROR"))
			.findFirst()
			.orElseThrow();
		assertThat(llm.path("attributes").path("error.type").asString())
			.isEqualTo(InternalServerException.class.getName());
		assertThat(llm.path("attributes").has("tokens.prompt")).isFalse();
		List<JsonNode> exceptions = new ArrayList<>();
		llm.path("events").forEach((event) -> {
			if (event.path("name").asString().equals("exception")) {
				exceptions.add(event);
			}
		});
		assertThat(exceptions).singleElement().satisfies((exception) -> {
			assertThat(exception.path("attributes").path("exception.type").asString())
				.isEqualTo(InternalServerException.class.getName());
			assertThat(Instant.parse(exception.path("time").asString()))
				.isEqualTo(Instant.ofEpochSecond(0, exception.path("epochNanos").asLong()));
		});
	}

	@Test
	void unknownTraceIsNotFound() throws Exception {
		assertThat(this.api.get("/actuator/traces/0123456789abcdef0123456789abcdef").statusCode()).isEqualTo(404);
	}

	@Test
	void pageIsServedByTheApplicationAsHtml() throws Exception {
		HttpResponse<String> page = this.api.get("/actuator/traces/ui");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
		assertThat(page.body()).contains("<title>Traces &middot; FastAgentic</title>")
			.doesNotContainPattern("(?i)<script[^>]+src=")
			.doesNotContainPattern("(?i)<link[^>]+href=\"(?!data:)");
	}

	@Test
	void endpointIsExposedNextToHealthAndInfo() throws Exception {
		JsonNode links = this.api.json("/actuator").path("_links");
		assertThat(links.has("traces")).isTrue();
		assertThat(links.has("traces-traceId")).isTrue();
		assertThat(links.has("health")).isTrue();
	}

	@Test
	void readingTheViewerIsNotTraced() throws Exception {
		ViewerApi.Chat chat = this.api.chat("Trace this, not the viewer");
		this.api.awaitListed(chat.traceId(), "HTTP POST /chat");
		this.api.get("/actuator/traces/ui");
		this.api.get("/actuator/traces/" + chat.traceId());
		assertThat(this.api.traces(""))
			.noneSatisfy((trace) -> assertThat(trace.path("rootName").asString()).contains("actuator"));
		assertThat(this.spans.all())
			.noneSatisfy((span) -> assertThat(ExportedSpans.attribute(span, "url.path")).startsWith("/actuator"));
	}

	private List<String> traceIds(String query) throws Exception {
		return this.api.traces(query).stream().map((trace) -> trace.path("traceId").asString()).toList();
	}

	private static JsonNode named(JsonNode trace, String name) {
		List<JsonNode> matching = new ArrayList<>();
		trace.path("spans").forEach((span) -> {
			if (span.path("name").asString().equals(name)) {
				matching.add(span);
			}
		});
		assertThat(matching).as("spans named %s", name).hasSize(1);
		return matching.get(0);
	}

}
