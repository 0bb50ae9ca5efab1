package io.fastagentic.sample;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.tracing.test.autoconfigure.AutoConfigureTracing;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static io.fastagentic.sample.ExportedSpans.attribute;
import static io.fastagentic.sample.ExportedSpans.children;
import static io.fastagentic.sample.ExportedSpans.named;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed's trace structure for real requests to the sample agent: span names,
 * parentage, attributes, response headers and correlated log lines.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "management.opentelemetry.tracing.export.schedule-delay=10ms")
@AutoConfigureTracing
@Import(ExportedSpans.Configuration.class)
@ExtendWith(OutputCaptureExtension.class)
class AgentRequestPathTests {

	private static final Pattern TRACE_RESPONSE = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-01");

	private static final Pattern CORRELATED_LINE = Pattern
		.compile("\\[trace_id=(\\w*) span_id=(\\w*) run_id=(\\S*) user_id=(\\S*)\\] .*(Agent run|Streaming)");

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private ExportedSpans spans;

	@Test
	void chatProducesTheSeedTreeUnderTheHttpSpan() throws Exception {
		HttpResponse<String> response = post("/chat", "What is OpenTelemetry?");
		assertThat(response.statusCode()).isEqualTo(200);
		String runId = response.headers().firstValue("X-Run-Id").orElseThrow();
		assertThat(runId).matches("run-[0-9a-f-]{36}");
		assertThat(response.body()).contains("\"run_id\":\"" + runId + "\"");
		Matcher traceResponse = traceResponse(response);
		List<SpanData> trace = this.spans.awaitTrace(traceResponse.group(1), "HTTP POST /chat");

		SpanData http = named(trace, "HTTP POST /chat");
		assertThat(http.getSpanId()).isEqualTo(traceResponse.group(2));
		assertThat(http.getKind()).isEqualTo(SpanKind.SERVER);
		assertThat(http.getParentSpanContext().isValid()).isFalse();
		assertThat(http.getAttributes().asMap()).containsEntry(AttributeKey.stringKey("method"), "POST")
			.containsEntry(AttributeKey.stringKey("path"), "/chat")
			.containsEntry(AttributeKey.longKey("status"), 200L)
			.containsEntry(AttributeKey.stringKey("http.request.method"), "POST")
			.containsEntry(AttributeKey.stringKey("http.route"), "/chat")
			.containsEntry(AttributeKey.stringKey("url.path"), "/chat")
			.containsEntry(AttributeKey.longKey("http.response.status_code"), 200L);

		SpanData auth = named(trace, "auth.validate");
		SpanData policy = named(trace, "policy.check");
		SpanData run = named(trace, "agent.run /chat");
		assertThat(List.of(auth, policy, run))
			.allSatisfy((child) -> assertThat(child.getParentSpanId()).isEqualTo(http.getSpanId()));
		assertThat(auth.getEndEpochNanos()).isLessThanOrEqualTo(policy.getStartEpochNanos());
		assertThat(policy.getEndEpochNanos()).isLessThanOrEqualTo(run.getStartEpochNanos());
		assertThat(attribute(auth, "auth.method")).isEqualTo("none");
		assertThat(attribute(auth, "auth.result")).isEqualTo("anonymous");
		assertThat(attribute(auth, "user_id")).isEqualTo("anonymous");
		assertThat(attribute(policy, "policy.name")).isEqualTo("allow-all");
		assertThat(attribute(policy, "policy.decision")).isEqualTo("allow");
		assertThat(attribute(policy, "policy.reason")).isEqualTo("no policy restricts agent endpoints");
		assertThat(attribute(run, "run_id")).isEqualTo(runId);
		assertThat(attribute(run, "endpoint")).isEqualTo("/chat");
		assertThat(attribute(run, "adapter")).isEqualTo("spring-ai");
		assertThat(attribute(run, "model")).isEqualTo("gpt-4o-mini");
		assertThat(attribute(run, "user_id")).isEqualTo("anonymous");
		assertThat(attribute(run, "gen_ai.operation.name")).isEqualTo("invoke_agent");
		assertThat(attribute(run, "gen_ai.agent.name")).isEqualTo("/chat");
		assertThat(List.of(http, auth, policy, run))
			.allSatisfy((span) -> assertThat(span.getStatus().getStatusCode()).isNotEqualTo(StatusCode.ERROR));

		// Spring AI's chat client and advisors add no spans: the model decides to search,
		// Spring AI runs the tool, the advisor checkpoints, the model answers.
		List<SpanData> steps = children(trace, run);
		assertThat(ExportedSpans.names(steps)).containsExactly("custom.preprocessing", "llm.call gpt-4o-mini",
				"tool.call search", "checkpoint.write", "llm.call gpt-4o-mini", "checkpoint.write");
		SpanData custom = steps.get(0);
		assertThat(custom.getAttributes().get(AttributeKey.longKey("input_size"))).isEqualTo(22L);

		SpanData toolRound = steps.get(1);
		SpanData answerRound = steps.get(4);
		assertThat(List.of(toolRound, answerRound)).allSatisfy((llm) -> {
			assertThat(llm.getKind()).isEqualTo(SpanKind.CLIENT);
			assertThat(attribute(llm, "model")).isEqualTo("gpt-4o-mini");
			assertThat(attribute(llm, "gen_ai.operation.name")).isEqualTo("chat");
			assertThat(attribute(llm, "gen_ai.provider.name")).isEqualTo("openai");
			assertThat(attribute(llm, "gen_ai.request.model")).isEqualTo("gpt-4o-mini");
			assertThat(attribute(llm, "gen_ai.response.model")).isEqualTo("gpt-4o-mini");
			assertThat(attribute(llm, "gen_ai.response.id")).startsWith("chatcmpl-");
			assertThat(llm.getAttributes().get(AttributeKey.longKey("tokens.prompt"))).isPositive();
			assertThat(llm.getAttributes().get(AttributeKey.longKey("gen_ai.usage.input_tokens")))
				.isEqualTo(llm.getAttributes().get(AttributeKey.longKey("tokens.prompt")));
			assertThat(llm.getAttributes().get(AttributeKey.longKey("gen_ai.usage.output_tokens")))
				.isEqualTo(llm.getAttributes().get(AttributeKey.longKey("tokens.completion")));
			assertThat(llm.getAttributes().get(AttributeKey.doubleKey("cost"))).isEqualTo(gpt4oMiniCost(llm));
			// The provider call: Spring AI's HTTP client span, which sent the
			// traceparent.
			assertThat(children(trace, llm)).singleElement().satisfies((post) -> {
				assertThat(post.getKind()).isEqualTo(SpanKind.CLIENT);
				assertThat(post.getName()).isEqualToIgnoringCase("POST");
			});
		});
		assertThat(toolRound.getAttributes().get(AttributeKey.stringArrayKey("gen_ai.response.finish_reasons")))
			.containsExactly("tool_calls");
		assertThat(answerRound.getAttributes().get(AttributeKey.stringArrayKey("gen_ai.response.finish_reasons")))
			.containsExactly("stop");
		// The provider had seen the tool round's prompt: cached, and priced as cached.
		assertThat(answerRound.getAttributes().get(AttributeKey.longKey("gen_ai.usage.cache_read.input_tokens")))
			.isEqualTo(toolRound.getAttributes().get(AttributeKey.longKey("tokens.prompt")));

		SpanData tool = steps.get(2);
		assertThat(tool.getStartEpochNanos()).isGreaterThanOrEqualTo(toolRound.getEndEpochNanos());
		assertThat(attribute(tool, "tool")).isEqualTo("search");
		assertThat(attribute(tool, "gen_ai.operation.name")).isEqualTo("execute_tool");
		assertThat(attribute(tool, "gen_ai.tool.name")).isEqualTo("search");
		assertThat(attribute(tool, "gen_ai.tool.call.id")).isEqualTo(FakeLanguageModel.SEARCH_CALL_ID);
		assertThat(tool.getAttributes().get(AttributeKey.longKey("duration_ms")))
			.isEqualTo(Math.round((tool.getEndEpochNanos() - tool.getStartEpochNanos()) / 1_000_000.0));
		assertThat(children(trace, tool)).singleElement().satisfies((call) -> {
			assertThat(call.getKind()).isEqualTo(SpanKind.CLIENT);
			assertThat(call.getName()).isEqualTo("http get");
			// The user's words in the tool's query are not exported.
			assertThat(attribute(call, "http.url")).endsWith("/search?q=REDACTED");
		});

		// The run's totals: what the user was answered, and the cost of the request.
		long promptTokens = usage(response.body(), "prompt_tokens");
		long completionTokens = usage(response.body(), "completion_tokens");
		assertThat(run.getAttributes().get(AttributeKey.longKey("tokens.prompt"))).isEqualTo(promptTokens)
			.isEqualTo(toolRound.getAttributes().get(AttributeKey.longKey("tokens.prompt"))
					+ answerRound.getAttributes().get(AttributeKey.longKey("tokens.prompt")));
		assertThat(run.getAttributes().get(AttributeKey.longKey("tokens.completion"))).isEqualTo(completionTokens);
		assertThat(run.getAttributes().get(AttributeKey.longKey("llm.calls"))).isEqualTo(2L);
		assertThat(run.getAttributes().get(AttributeKey.doubleKey("cost")))
			.isCloseTo(gpt4oMiniCost(toolRound) + gpt4oMiniCost(answerRound), Offset.offset(1e-12));

		assertThat(List.of(steps.get(3), steps.get(5))).allSatisfy((write) -> {
			assertThat(attribute(write, "backend")).isEqualTo("jdbc");
			assertThat(write.getAttributes().get(AttributeKey.longKey("size"))).isPositive();
			assertThat(ExportedSpans.names(children(trace, write))).containsExactly("INSERT agent_checkpoint");
		});
		assertThat(trace).allSatisfy((span) -> assertThat(span.getAttributes().asMap().keySet())
			.noneMatch((key) -> key.getKey().startsWith("gen_ai.input") || key.getKey().startsWith("gen_ai.output")
					|| key.getKey().startsWith("gen_ai.tool.call.arguments")
					|| key.getKey().startsWith("gen_ai.tool.call.result")));
	}

	@Test
	void streamedRunKeepsItsWorkInItsTraceAndEndsAfterTheLastEvent() throws Exception {
		HttpResponse<String> response = post("/chat/stream", "Stream the answer please");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("event:token").contains("event:done");
		String runId = response.headers().firstValue("X-Run-Id").orElseThrow();
		assertThat(response.body()).contains(runId);
		List<SpanData> trace = this.spans.awaitTrace(traceResponse(response).group(1), "HTTP POST /chat/stream");
		SpanData http = named(trace, "HTTP POST /chat/stream");
		SpanData run = named(trace, "agent.run /chat/stream");
		assertThat(run.getParentSpanId()).isEqualTo(http.getSpanId());
		assertThat(attribute(run, "run_id")).isEqualTo(runId);
		assertThat(attribute(run, "adapter")).isEqualTo("spring-ai");
		// The model is called, the tool run and the answer checkpointed while Spring MVC
		// consumes the returned stream, on Reactor's threads, after the controller method
		// returned: all of it stays under agent.run, which ends after the last event.
		// The provider call of each streamed LLM call (Spring AI's POST span, sent by the
		// OpenAI SDK from a thread without context) is that call's child.
		List<SpanData> steps = children(trace, run);
		assertThat(ExportedSpans.names(steps)).containsSubsequence("custom.preprocessing", "llm.call gpt-4o-mini",
				"tool.call search", "checkpoint.write", "llm.call gpt-4o-mini", "checkpoint.write");
		assertThat(ExportedSpans.names(steps)).contains("stream.emit token", "stream.emit done");
		// The controller records its events itself: it takes the run's stream over, and
		// no event is counted twice.
		assertThat(trace).extracting(SpanData::getName)
			.filteredOn((name) -> name.startsWith("stream.emit"))
			.containsExactlyInAnyOrder("stream.emit token", "stream.emit done");
		assertThat(steps).filteredOn((span) -> span.getName().equals("llm.call gpt-4o-mini"))
			.hasSize(2)
			.allSatisfy((llm) -> assertThat(llm.getKind()).isEqualTo(SpanKind.CLIENT))
			.allSatisfy((llm) -> assertThat(ExportedSpans.names(children(trace, llm))).containsExactly("POST"));
		assertThat(ExportedSpans.names(children(trace, named(trace, "tool.call search")))).containsExactly("http get");
		// Known gap too: Spring AI stops a streamed call's observation in doFinally, once
		// the stream's completion has reached the endpoint's subscriber, which ends the
		// run: the answering llm.call ends a little after agent.run.
		assertThat(steps).filteredOn((span) -> !span.getName().startsWith("llm.call"))
			.allSatisfy((span) -> assertThat(run.getEndEpochNanos()).as("end of %s", span.getName())
				.isGreaterThanOrEqualTo(span.getEndEpochNanos()));
		assertThat(http.getEndEpochNanos()).isGreaterThanOrEqualTo(run.getEndEpochNanos());
		long streamedPromptTokens = usage(response.body(), "prompt_tokens");
		assertThat(run.getAttributes().get(AttributeKey.longKey("tokens.prompt"))).isEqualTo(streamedPromptTokens);
		assertThat(run.getAttributes().get(AttributeKey.longKey("llm.calls"))).isEqualTo(2L);
		long tokenEvents = response.body().lines().filter((line) -> line.equals("event:token")).count();
		SpanData tokens = named(trace, "stream.emit token");
		assertThat(attribute(tokens, "event_type")).isEqualTo("token");
		assertThat(tokens.getAttributes().get(AttributeKey.longKey("count"))).isEqualTo(tokenEvents);
		assertThat(attribute(tokens, "run_id")).isEqualTo(runId);
		assertThat(attribute(named(trace, "stream.emit done"), "count")).isEqualTo("1");
	}

	@Test
	void actuatorRequestsAreNotTraced() throws Exception {
		HttpResponse<String> health = this.http.send(HttpRequest.newBuilder(uri("/actuator/health")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(health.statusCode()).isEqualTo(200);
		HttpResponse<String> chat = post("/chat", "after the health check");
		this.spans.awaitTrace(traceResponse(chat).group(1), "HTTP POST /chat");
		assertThat(this.spans.all())
			.noneSatisfy((span) -> assertThat(attribute(span, "url.path")).startsWith("/actuator"));
	}

	@Test
	void oneRequestsLogLinesCarryAllFourIds(CapturedOutput output) throws Exception {
		HttpResponse<String> response = post("/chat", "Which ids are in my logs?");
		String runId = response.headers().firstValue("X-Run-Id").orElseThrow();
		String traceId = traceResponse(response).group(1);
		assertThat(output.getOut()).containsPattern("\\[trace_id=" + traceId + " span_id=[0-9a-f]{16} run_id=" + runId
				+ " user_id=anonymous\\] .*Agent run started");
	}

	@Test
	void concurrentRunsLogOnlyTheirOwnIds(CapturedOutput output) throws Exception {
		Map<String, String> traceIdsByRunId = new ConcurrentHashMap<>();
		List<CompletableFuture<Void>> requests = new ArrayList<>();
		ExecutorService executor = Executors.newFixedThreadPool(32);
		try {
			HttpClient client = HttpClient.newBuilder().executor(executor).build();
			for (int i = 0; i < 200; i++) {
				String path = (i % 4 == 0) ? "/chat/stream" : "/chat";
				requests.add(client
					.sendAsync(request(path, "concurrent question " + i), HttpResponse.BodyHandlers.ofString())
					.thenAccept((response) -> {
						assertThat(response.statusCode()).isEqualTo(200);
						traceIdsByRunId.put(response.headers().firstValue("X-Run-Id").orElseThrow(),
								traceResponse(response).group(1));
					}));
			}
			CompletableFuture.allOf(requests.toArray(CompletableFuture[]::new)).join();
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(traceIdsByRunId).hasSize(200);
		Map<String, Integer> linesByRun = new ConcurrentHashMap<>();
		List<String> mismatches = new ArrayList<>();
		for (String line : output.getOut().split("\\R")) {
			Matcher matcher = CORRELATED_LINE.matcher(line);
			if (!matcher.find()) {
				continue;
			}
			String runId = matcher.group(3);
			String expectedTraceId = traceIdsByRunId.get(runId);
			if (expectedTraceId == null) {
				if (line.contains("concurrent question")) {
					mismatches.add(line);
				}
				continue;
			}
			linesByRun.merge(runId, 1, Integer::sum);
			if (!expectedTraceId.equals(matcher.group(1))) {
				mismatches.add(line);
			}
		}
		assertThat(mismatches).isEmpty();
		assertThat(linesByRun).hasSize(200);
		assertThat(linesByRun.values()).allSatisfy((count) -> assertThat(count).isGreaterThanOrEqualTo(2));
	}

	/**
	 * The cost of a gpt-4o-mini call as FastAgentic prices it: USD 0.15 per million input
	 * tokens, 0.075 per million cached input tokens, 0.60 per million output tokens.
	 */
	private static double gpt4oMiniCost(SpanData llm) {
		long prompt = llm.getAttributes().get(AttributeKey.longKey("tokens.prompt"));
		Long cached = llm.getAttributes().get(AttributeKey.longKey("gen_ai.usage.cache_read.input_tokens"));
		long cachedTokens = (cached != null) ? cached : 0;
		long completion = llm.getAttributes().get(AttributeKey.longKey("tokens.completion"));
		return new BigDecimal("0.15").multiply(BigDecimal.valueOf(prompt - cachedTokens))
			.add(new BigDecimal("0.075").multiply(BigDecimal.valueOf(cachedTokens)))
			.add(new BigDecimal("0.60").multiply(BigDecimal.valueOf(completion)))
			.movePointLeft(6)
			.doubleValue();
	}

	private static long usage(String body, String key) {
		Matcher matcher = Pattern.compile("\"" + key + "\":(\\d+)").matcher(body);
		assertThat(matcher.find()).as("%s in %s", key, body).isTrue();
		return Long.parseLong(matcher.group(1));
	}

	@Test
	void failedProviderAnsweredWith502MakesTheServerSpanAnError() throws Exception {
		HttpResponse<String> response = post("/chat", "Break it " + FakeProviderServer.FAIL_MARKER);
		assertThat(response.statusCode()).isEqualTo(502);
		List<SpanData> trace = this.spans.awaitTrace(traceResponse(response).group(1), "HTTP POST /chat");
		SpanData http = named(trace, "HTTP POST /chat");
		assertThat(http.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
		assertThat(http.getAttributes().get(AttributeKey.longKey("http.response.status_code"))).isEqualTo(502);
		assertThat(named(trace, "agent.run /chat").getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
	}

	@Test
	void badRequestAnsweredWith400HasNoSpanInError() throws Exception {
		HttpResponse<String> response = post("/chat", " ");
		assertThat(response.statusCode()).isEqualTo(400);
		List<SpanData> trace = this.spans.awaitTrace(traceResponse(response).group(1), "HTTP POST /chat");
		assertThat(named(trace, "HTTP POST /chat").getAttributes().get(AttributeKey.longKey("status"))).isEqualTo(400);
		assertThat(named(trace, "agent.run /chat").getAttributes().get(AttributeKey.stringKey("run_id"))).isNotNull();
		assertThat(trace).allSatisfy((span) -> assertThat(span.getStatus().getStatusCode()).as(span.getName())
			.isNotEqualTo(StatusCode.ERROR));
	}

	private HttpResponse<String> post(String path, String message) throws Exception {
		return this.http.send(request(path, message), HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest request(String path, String message) {
		return HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"" + message + "\"}"))
			.build();
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	private static Matcher traceResponse(HttpResponse<?> response) {
		Matcher matcher = TRACE_RESPONSE.matcher(response.headers().firstValue("traceresponse").orElseThrow());
		assertThat(matcher.matches()).isTrue();
		return matcher;
	}

}
