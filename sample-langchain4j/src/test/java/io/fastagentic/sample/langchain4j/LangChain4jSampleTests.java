package io.fastagentic.sample.langchain4j;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import io.fastagentic.sample.FakeProviderServer;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.tracing.test.autoconfigure.AutoConfigureTracing;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The LangChain4j sample as it runs, with its embedded defaults: the tree it exports for
 * a chat, and a streamed chat that stays in one trace.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.tracing.sampling.probability=1.0",
				"management.opentelemetry.tracing.export.schedule-delay=10ms" })
@AutoConfigureTracing
class LangChain4jSampleTests {

	private static final String LLM_CALL = "llm.call " + AgentConfiguration.MODEL;

	private static final String QUESTION = "{\"message\": \"What is OpenTelemetry?\"}";

	private static final AttributeKey<Long> TOKENS_PROMPT = AttributeKey.longKey("tokens.prompt");

	private static final AttributeKey<Long> TOKENS_COMPLETION = AttributeKey.longKey("tokens.completion");

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private InMemorySpanExporter exporter;

	@Autowired
	private FakeProviderServer provider;

	@Test
	void chatIsOneTreeOfLlmToolHttpAndCheckpointSpans() throws Exception {
		HttpResponse<String> response = post("/chat");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("Here is what I found about \\\"What is OpenTelemetry?\\\"");
		List<SpanData> trace = awaitTrace(traceId(response), "HTTP POST /chat");

		SpanData server = named(trace, "HTTP POST /chat");
		assertThat(server.getKind()).isEqualTo(SpanKind.SERVER);
		SpanData run = named(trace, "agent.run /chat");
		assertThat(run.getParentSpanId()).isEqualTo(server.getSpanId());
		assertThat(run.getAttributes().get(AttributeKey.stringKey("adapter"))).isEqualTo("langchain4j");
		assertThat(run.getAttributes().get(AttributeKey.longKey("llm.calls"))).isEqualTo(2L);
		List<SpanData> steps = children(trace, run);
		assertThat(steps).extracting(SpanData::getName)
			.containsExactly(LLM_CALL, "tool.call search", LLM_CALL, "checkpoint.write");

		SpanData toolRound = steps.get(0);
		SpanData answerRound = steps.get(2);
		List<String> providerRequestSpans = Stream.of(toolRound, answerRound).map((llmCall) -> {
			assertThat(llmCall.getKind()).isEqualTo(SpanKind.CLIENT);
			assertThat(llmCall.getAttributes().get(TOKENS_PROMPT)).isPositive();
			assertThat(llmCall.getAttributes().get(TOKENS_COMPLETION)).isPositive();
			SpanData request = onlyChild(trace, llmCall);
			assertThat(request.getName()).isEqualTo("http post");
			assertThat(request.getKind()).isEqualTo(SpanKind.CLIENT);
			return request.getSpanId();
		}).toList();
		// The span id field of each traceparent (its flags may carry more than
		// "sampled").
		assertThat(this.provider.recentRequests())
			.filteredOn((request) -> request.path().equals("/v1/chat/completions"))
			.extracting((request) -> request.header("traceparent"))
			.filteredOn((traceparent) -> traceparent != null && traceparent.startsWith("00-" + run.getTraceId() + "-"))
			.as("parents sent to the provider in traceparent")
			.extracting((traceparent) -> traceparent.split("-")[2])
			.isEqualTo(providerRequestSpans);
		assertThat(run.getAttributes().get(TOKENS_PROMPT))
			.isEqualTo(toolRound.getAttributes().get(TOKENS_PROMPT) + answerRound.getAttributes().get(TOKENS_PROMPT));
		assertThat(run.getAttributes().get(TOKENS_COMPLETION)).isEqualTo(
				toolRound.getAttributes().get(TOKENS_COMPLETION) + answerRound.getAttributes().get(TOKENS_COMPLETION));
		assertThat(onlyChild(trace, steps.get(1))).satisfies((search) -> {
			assertThat(search.getName()).isEqualTo("http get");
			assertThat(search.getKind()).isEqualTo(SpanKind.CLIENT);
		});
		SpanData checkpoint = steps.get(3);
		assertThat(checkpoint.getAttributes().get(AttributeKey.stringKey("backend"))).isEqualTo("jdbc");
		assertThat(onlyChild(trace, checkpoint)).satisfies((insert) -> {
			assertThat(insert.getName()).isEqualTo("INSERT agent_checkpoint");
			assertThat(insert.getKind()).isEqualTo(SpanKind.CLIENT);
		});
	}

	@Test
	void streamedChatStaysInOneTrace() throws Exception {
		HttpResponse<String> response = post("/chat/stream");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("event:token").contains("event:done");
		String traceId = traceId(response);
		List<SpanData> trace = awaitTrace(traceId, "HTTP POST /chat/stream");

		SpanData run = named(trace, "agent.run /chat/stream");
		assertThat(children(trace, run)).extracting(SpanData::getName)
			.containsExactly(LLM_CALL, "tool.call search", LLM_CALL, "stream.emit token", "checkpoint.write",
					"stream.emit done");
		assertThat(named(trace, "stream.emit done").getAttributes().get(AttributeKey.longKey("count"))).isEqualTo(1L);
		// The application sends its events with an SseEmitter and no tracing code: the
		// starter counts them on the response as they are written.
		long tokenEvents = response.body().lines().filter((line) -> line.equals("event:token")).count();
		assertThat(tokenEvents).isPositive();
		SpanData tokens = named(trace, "stream.emit token");
		assertThat(tokens.getAttributes().get(AttributeKey.longKey("count"))).isEqualTo(tokenEvents);
		assertThat(tokens.getAttributes().get(AttributeKey.stringKey("event_type"))).isEqualTo("token");
		assertThat(tokens.getAttributes().get(AttributeKey.stringKey("run_id")))
			.isEqualTo(response.headers().firstValue("X-Run-Id").orElseThrow());
		assertThat(this.exporter.getFinishedSpanItems()).filteredOn((span) -> !span.getTraceId().equals(traceId))
			.extracting(SpanData::getName)
			.as("spans of the streamed run outside its trace")
			.noneMatch((name) -> name.endsWith("/chat/stream") || name.startsWith("stream.emit"));
	}

	private HttpResponse<String> post(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(QUESTION))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String traceId(HttpResponse<?> response) {
		return response.headers().firstValue("traceresponse").orElseThrow().substring(3, 35);
	}

	private List<SpanData> awaitTrace(String traceId, String root) {
		return await().atMost(Duration.ofSeconds(20))
			.until(() -> this.exporter.getFinishedSpanItems()
				.stream()
				.filter((span) -> span.getTraceId().equals(traceId))
				.toList(), (spans) -> spans.stream().anyMatch((span) -> span.getName().equals(root)));
	}

	private static SpanData named(List<SpanData> spans, String name) {
		List<SpanData> matching = spans.stream().filter((span) -> span.getName().equals(name)).toList();
		assertThat(matching).as("spans named '%s' in %s", name, spans.stream().map(SpanData::getName).toList())
			.hasSize(1);
		return matching.get(0);
	}

	private static SpanData onlyChild(List<SpanData> spans, SpanData parent) {
		List<SpanData> children = children(spans, parent);
		assertThat(children).as("children of %s", parent.getName()).hasSize(1);
		return children.get(0);
	}

	private static List<SpanData> children(List<SpanData> spans, SpanData parent) {
		return spans.stream()
			.filter((span) -> span.getParentSpanId().equals(parent.getSpanId()))
			.sorted(Comparator.comparingLong(SpanData::getStartEpochNanos))
			.toList();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class ExporterConfiguration {

		@Bean
		InMemorySpanExporter inMemorySpanExporter() {
			return InMemorySpanExporter.create();
		}

	}

}
