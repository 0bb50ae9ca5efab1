package io.fastagentic.langchain4j;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.TokenStream;
import io.fastagentic.annotation.AgentEndpoint;
import io.fastagentic.annotation.AgentTool;
import io.fastagentic.observation.AgentObservations;
import io.fastagentic.observation.llm.LlmPricing;
import io.fastagentic.testing.FakeOpenAiServer;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The LangChain4j adapter end to end: an application with LangChain4j's OpenAI models and
 * AI services (built as a user builds them, without a line of tracing code) talks real
 * HTTP to a fake OpenAI server, and the spans it exports are read back.
 */
class LangChain4jTracingTests {

	private static final String MODEL = "gpt-4o";

	private static final AttributeKey<Long> TOKENS_PROMPT = AttributeKey.longKey("tokens.prompt");

	private static final AttributeKey<Long> TOKENS_COMPLETION = AttributeKey.longKey("tokens.completion");

	private static final AttributeKey<Double> COST = AttributeKey.doubleKey("cost");

	private static final List<String> CONTENT_KEYS = List.of("gen_ai.input.messages", "gen_ai.output.messages",
			"gen_ai.tool.call.arguments", "gen_ai.tool.call.result");

	private static final HttpClient http = HttpClient.newHttpClient();

	private static final ObjectMapper json = new ObjectMapper();

	private static FakeOpenAiServer provider;

	private static ConfigurableApplicationContext app;

	@BeforeAll
	static void start() throws Exception {
		provider = FakeOpenAiServer.start();
		app = startApp();
	}

	@AfterAll
	static void stop() {
		if (app != null) {
			app.close();
		}
		if (provider != null) {
			provider.close();
		}
	}

	@Test
	void aiServiceRunIsOneTreeOfLlmHttpAndToolSpans() throws Exception {
		HttpResponse<String> response = post(app, "/chat", "What is OpenTelemetry?");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo(FakeOpenAiServer.ANSWER);
		String traceId = traceId(response);
		List<SpanData> trace = awaitTrace(app, traceId, "HTTP POST /chat");

		SpanData server = named(trace, "HTTP POST /chat");
		SpanData run = named(trace, "agent.run /chat");
		assertThat(run.getParentSpanId()).isEqualTo(server.getSpanId());
		List<SpanData> runChildren = children(trace, run);
		assertThat(runChildren).extracting(SpanData::getName)
			.containsExactly("llm.call gpt-4o", "tool.call search", "llm.call gpt-4o");
		SpanData toolRound = runChildren.get(0);
		SpanData tool = runChildren.get(1);
		SpanData answerRound = runChildren.get(2);

		LlmPricing pricing = app.getBean(LlmPricing.class);
		BigDecimal toolRoundCost = pricing.cost(FakeOpenAiServer.RESPONSE_MODEL, 50, 10, 20);
		BigDecimal answerRoundCost = pricing.cost(FakeOpenAiServer.RESPONSE_MODEL, 80, 20, 0);
		assertLlmCall(toolRound, 50, 10, toolRoundCost, "chatcmpl-tool", "tool_calls");
		assertThat(toolRound.getAttributes().get(AttributeKey.longKey("gen_ai.usage.cache_read.input_tokens")))
			.isEqualTo(20L);
		assertLlmCall(answerRound, 80, 20, answerRoundCost, "chatcmpl-answer", "stop");
		assertThat(toolRound.getAttributes().get(AttributeKey.doubleKey("gen_ai.request.temperature"))).isEqualTo(0.2);

		assertThat(tool.getKind()).isEqualTo(SpanKind.INTERNAL);
		assertThat(tool.getStartEpochNanos()).isGreaterThanOrEqualTo(toolRound.getEndEpochNanos());
		assertThat(tool.getEndEpochNanos()).isLessThanOrEqualTo(answerRound.getStartEpochNanos());
		assertThat(tool.getAttributes().get(AttributeKey.longKey("duration_ms")))
			.isEqualTo(Math.round((tool.getEndEpochNanos() - tool.getStartEpochNanos()) / 1_000_000.0))
			.isGreaterThanOrEqualTo(SearchTools.DURATION.toMillis());
		assertThat(attribute(tool, "gen_ai.tool.name")).isEqualTo("search");
		assertThat(attribute(tool, "gen_ai.tool.call.id")).isEqualTo("call_search");
		assertThat(attribute(tool, "gen_ai.operation.name")).isEqualTo("execute_tool");
		assertThat(children(trace, tool)).as("spans under the tool call (@AgentTool adds none)").isEmpty();

		assertThat(attribute(run, "adapter")).isEqualTo("langchain4j");
		assertThat(attribute(run, "model")).isEqualTo(MODEL);
		assertThat(run.getAttributes().get(AttributeKey.longKey("llm.calls"))).isEqualTo(2L);
		assertThat(run.getAttributes().get(TOKENS_PROMPT)).isEqualTo(130L);
		assertThat(run.getAttributes().get(TOKENS_COMPLETION)).isEqualTo(30L);
		assertThat(run.getAttributes().get(COST)).isEqualTo(toolRoundCost.add(answerRoundCost).doubleValue());

		assertThat(trace).allSatisfy((span) -> assertThat(CONTENT_KEYS)
			.noneMatch((key) -> span.getAttributes().get(AttributeKey.stringKey(key)) != null));
		assertProviderRequestsCarryTheirClientSpans(trace, List.of(toolRound, answerRound));
		JsonNode answerRequest = json.readTree(requestsOf(traceId).get(1).body()).path("messages");
		assertThat(answerRequest.get(answerRequest.size() - 1).path("role").asText()).isEqualTo("tool");
		assertThat(answerRequest.get(answerRequest.size() - 1).path("content").asText()).isEqualTo(SearchTools.RESULT);
	}

	@Test
	void streamedRunStaysInOneTraceWithItsCallbacks() throws Exception {
		HttpResponse<String> response = post(app, "/stream", "What is OpenTelemetry?");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo(FakeOpenAiServer.ANSWER);
		String traceId = traceId(response);
		List<SpanData> trace = awaitTrace(app, traceId, "HTTP POST /stream");

		SpanData run = named(trace, "agent.run /stream");
		List<SpanData> runChildren = children(trace, run);
		assertThat(runChildren).extracting(SpanData::getName)
			.containsExactly("llm.call gpt-4o", "tool.call search", "llm.call gpt-4o", "checkpoint.write");
		LlmPricing pricing = app.getBean(LlmPricing.class);
		assertLlmCall(runChildren.get(0), 50, 10, pricing.cost(FakeOpenAiServer.RESPONSE_MODEL, 50, 10, 20),
				"chatcmpl-tool", "tool_calls");
		assertLlmCall(runChildren.get(2), 80, 20, pricing.cost(FakeOpenAiServer.RESPONSE_MODEL, 80, 20, 0),
				"chatcmpl-answer", "stop");
		assertThat(attribute(run, "adapter")).isEqualTo("langchain4j");
		assertThat(run.getAttributes().get(TOKENS_PROMPT)).isEqualTo(130L);
		assertThat(run.getEndEpochNanos()).isGreaterThanOrEqualTo(runChildren.get(3).getEndEpochNanos());
		assertProviderRequestsCarryTheirClientSpans(trace, List.of(runChildren.get(0), runChildren.get(2)));

		StreamCallbacks callbacks = app.getBean(StreamCallbacks.class);
		Map<String, String> callback = callbacks.completed;
		assertThat(callback.get("thread")).isNotEqualTo(callbacks.requestThread);
		assertThat(callback.get("trace_id")).isEqualTo(traceId);
		assertThat(callback.get("run_id")).isEqualTo(attribute(run, "run_id"));
		assertThat(app.getBean(SearchTools.class).lastTraceId).isEqualTo(traceId);
		assertThat(spans(app))
			.filteredOn((span) -> span.getName().startsWith("llm.call") || span.getName().startsWith("tool.call")
					|| span.getName().equals("checkpoint.write"))
			.as("agent work that became a trace of its own")
			.noneMatch((span) -> !span.getParentSpanContext().isValid());
	}

	@Test
	void failedProviderCallIsAnErrorLlmCallWithItsHttpAttempts() throws Exception {
		HttpResponse<String> response = post(app, "/fail", "Please [fail] now");
		assertThat(response.statusCode()).isEqualTo(502);
		String thrown = response.body();
		List<SpanData> trace = awaitTrace(app, traceId(response), "HTTP POST /fail");

		SpanData llm = named(trace, "llm.call gpt-4o");
		assertThat(llm.getKind()).isEqualTo(SpanKind.CLIENT);
		assertThat(llm.getParentSpanId()).isEqualTo(named(trace, "agent.run /fail").getSpanId());
		assertThat(llm.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
		assertThat(attribute(llm, "error.type")).isEqualTo(thrown);
		assertThat(llm.getAttributes().get(TOKENS_PROMPT)).isNull();
		assertThat(llm.getAttributes().get(COST)).isNull();
		List<SpanData> attempts = children(trace, llm);
		assertThat(attempts).hasSize(2).allSatisfy((attempt) -> {
			assertThat(attempt.getName()).isEqualTo("http post");
			assertThat(attempt.getKind()).isEqualTo(SpanKind.CLIENT);
			assertThat(attempt.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
			assertThat(attempt.getAttributes().get(AttributeKey.longKey("status"))).isEqualTo(500);
			assertThat(attribute(attempt, "outcome")).isEqualTo("SERVER_ERROR");
		});
	}

	@Test
	void springAiAndLangChain4jCallsShareOneRun() throws Exception {
		HttpResponse<String> response = post(app, "/both", "Say hello");
		assertThat(response.statusCode()).isEqualTo(200);
		List<SpanData> trace = awaitTrace(app, traceId(response), "HTTP POST /both");

		SpanData run = named(trace, "agent.run /both");
		List<SpanData> calls = children(trace, run);
		assertThat(calls).extracting(SpanData::getName).containsExactly("llm.call gpt-4o-mini", "llm.call gpt-4o");
		assertThat(calls).allSatisfy((call) -> {
			assertThat(call.getKind()).isEqualTo(SpanKind.CLIENT);
			assertThat(attribute(call, "gen_ai.provider.name")).isEqualTo("openai");
			assertThat(call.getAttributes().get(TOKENS_PROMPT)).isEqualTo(80L);
		});
		assertThat(attribute(run, "adapter")).isEqualTo("spring-ai");
		assertThat(run.getAttributes().get(AttributeKey.longKey("llm.calls"))).isEqualTo(2L);
		assertThat(run.getAttributes().get(TOKENS_PROMPT)).isEqualTo(160L);
		assertThat(children(trace, calls.get(1))).extracting(SpanData::getName).containsExactly("http post");
	}

	@Test
	void contentIsExportedOnlyWhenCaptureIsOnAndEachApplicationRecordsItsOwnCalls() throws Exception {
		try (ConfigurableApplicationContext capturing = startApp("--fastagentic.llm.capture-content=true")) {
			HttpResponse<String> response = post(capturing, "/chat", "What is OpenTelemetry?");
			List<SpanData> trace = awaitTrace(capturing, traceId(response), "HTTP POST /chat");
			List<SpanData> runChildren = children(trace, named(trace, "agent.run /chat"));
			SpanData toolRound = runChildren.get(0);
			SpanData tool = runChildren.get(1);
			SpanData answerRound = runChildren.get(2);

			JsonNode input = json.readTree(attribute(toolRound, "gen_ai.input.messages"));
			assertThat(input).hasSize(1);
			assertThat(input.get(0).path("role").asText()).isEqualTo("user");
			assertThat(input.get(0).path("parts").get(0).path("content").asText()).isEqualTo("What is OpenTelemetry?");
			JsonNode output = json.readTree(attribute(toolRound, "gen_ai.output.messages"));
			assertThat(output.get(0).path("finish_reason").asText()).isEqualTo("tool_calls");
			JsonNode toolCall = output.get(0).path("parts").get(0);
			assertThat(toolCall.path("type").asText()).isEqualTo("tool_call");
			assertThat(toolCall.path("id").asText()).isEqualTo("call_search");
			assertThat(toolCall.path("name").asText()).isEqualTo("search");

			JsonNode answerInput = json.readTree(attribute(answerRound, "gen_ai.input.messages"));
			assertThat(answerInput).extracting((message) -> message.path("role").asText())
				.containsExactly("user", "assistant", "tool");
			assertThat(answerInput.get(2).path("parts").get(0).path("response").asText()).isEqualTo(SearchTools.RESULT);
			assertThat(json.readTree(attribute(answerRound, "gen_ai.output.messages"))
				.get(0)
				.path("parts")
				.get(0)
				.path("content")
				.asText()).isEqualTo(FakeOpenAiServer.ANSWER);

			assertThat(attribute(tool, "gen_ai.tool.call.arguments")).isEqualTo("{\"query\":\"opentelemetry\"}");
			assertThat(attribute(tool, "gen_ai.tool.call.result")).isEqualTo(SearchTools.RESULT);

			// The application started first still records its own calls, without content.
			HttpResponse<String> first = post(app, "/chat", "What is OpenTelemetry?");
			List<SpanData> firstTrace = awaitTrace(app, traceId(first), "HTTP POST /chat");
			assertThat(children(firstTrace, named(firstTrace, "agent.run /chat"))).extracting(SpanData::getName)
				.containsExactly("llm.call gpt-4o", "tool.call search", "llm.call gpt-4o");
			assertThat(firstTrace).allSatisfy((span) -> assertThat(CONTENT_KEYS)
				.noneMatch((key) -> span.getAttributes().get(AttributeKey.stringKey(key)) != null));
			assertThat(spans(capturing)).noneMatch((span) -> span.getTraceId().equals(traceId(first)));
		}
	}

	private static void assertLlmCall(SpanData call, long prompt, long completion, BigDecimal cost, String responseId,
			String finishReason) {
		assertThat(call.getKind()).isEqualTo(SpanKind.CLIENT);
		assertThat(call.getStatus().getStatusCode()).isNotEqualTo(StatusCode.ERROR);
		assertThat(attribute(call, "model")).isEqualTo(MODEL);
		assertThat(attribute(call, "gen_ai.operation.name")).isEqualTo("chat");
		assertThat(attribute(call, "gen_ai.provider.name")).isEqualTo("openai");
		assertThat(attribute(call, "gen_ai.request.model")).isEqualTo(MODEL);
		assertThat(attribute(call, "gen_ai.response.model")).isEqualTo(FakeOpenAiServer.RESPONSE_MODEL);
		assertThat(attribute(call, "gen_ai.response.id")).isEqualTo(responseId);
		assertThat(call.getAttributes().get(AttributeKey.stringArrayKey("gen_ai.response.finish_reasons")))
			.containsExactly(finishReason);
		assertThat(call.getAttributes().get(TOKENS_PROMPT)).isEqualTo(prompt);
		assertThat(call.getAttributes().get(TOKENS_COMPLETION)).isEqualTo(completion);
		assertThat(call.getAttributes().get(AttributeKey.longKey("gen_ai.usage.input_tokens"))).isEqualTo(prompt);
		assertThat(call.getAttributes().get(AttributeKey.longKey("gen_ai.usage.output_tokens"))).isEqualTo(completion);
		assertThat(cost).isPositive();
		assertThat(call.getAttributes().get(COST)).isEqualTo(cost.doubleValue());
	}

	/**
	 * Each LLM call has one HTTP client span, and the provider received that span's
	 * context in its {@code traceparent} header.
	 */
	private static void assertProviderRequestsCarryTheirClientSpans(List<SpanData> trace, List<SpanData> llmCalls) {
		List<String> httpSpanIds = llmCalls.stream().map((call) -> {
			List<SpanData> requests = children(trace, call);
			assertThat(requests).hasSize(1);
			SpanData request = requests.get(0);
			assertThat(request.getName()).isEqualTo("http post");
			assertThat(request.getKind()).isEqualTo(SpanKind.CLIENT);
			assertThat(attribute(request, "method")).isEqualTo("POST");
			assertThat(attribute(request, "uri")).isEqualTo("/v1/chat/completions");
			assertThat(request.getAttributes().get(AttributeKey.longKey("status"))).isEqualTo(200);
			return request.getSpanId();
		}).toList();
		String traceId = llmCalls.get(0).getTraceId();
		assertThat(requestsOf(traceId)).extracting(FakeOpenAiServer.Request::traceparent)
			.satisfiesExactly((traceparent) -> assertTraceparent(traceparent, traceId, httpSpanIds.get(0)),
					(traceparent) -> assertTraceparent(traceparent, traceId, httpSpanIds.get(1)));
	}

	private static void assertTraceparent(String traceparent, String traceId, String spanId) {
		String[] fields = traceparent.split("-");
		assertThat(fields).as(traceparent).hasSize(4).startsWith("00", traceId, spanId);
		assertThat(Integer.parseInt(fields[3], 16) & 1).as("sampled flag of %s", traceparent).isEqualTo(1);
	}

	private static List<FakeOpenAiServer.Request> requestsOf(String traceId) {
		return provider.requests()
			.stream()
			.filter((request) -> request.traceparent() != null && request.traceparent().contains(traceId))
			.toList();
	}

	private static ConfigurableApplicationContext startApp(String... arguments) {
		List<String> all = new java.util.ArrayList<>(List.of("--server.port=0",
				"--management.tracing.sampling.probability=1.0",
				"--management.opentelemetry.tracing.export.schedule-delay=10ms", "--spring.ai.openai.api-key=test-key",
				"--spring.ai.openai.base-url=" + provider.baseUrl(),
				"--spring.ai.openai.chat.options.model=gpt-4o-mini", "--provider.base-url=" + provider.baseUrl()));
		all.addAll(List.of(arguments));
		return new SpringApplicationBuilder(AgentApplication.class).run(all.toArray(String[]::new));
	}

	private static HttpResponse<String> post(ConfigurableApplicationContext context, String path, String message)
			throws Exception {
		URI uri = URI.create("http://localhost:" + context.getEnvironment().getProperty("local.server.port") + path);
		return http.send(HttpRequest.newBuilder(uri)
			.header("Content-Type", "text/plain")
			.POST(HttpRequest.BodyPublishers.ofString(message))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String traceId(HttpResponse<?> response) {
		return response.headers().firstValue("traceresponse").orElseThrow().substring(3, 35);
	}

	private static List<SpanData> spans(ConfigurableApplicationContext context) {
		return context.getBean(InMemorySpanExporter.class).getFinishedSpanItems();
	}

	private static List<SpanData> awaitTrace(ConfigurableApplicationContext context, String traceId, String root) {
		return await().atMost(Duration.ofSeconds(20))
			.until(() -> spans(context).stream().filter((span) -> span.getTraceId().equals(traceId)).toList(),
					(spans) -> spans.stream().anyMatch((span) -> span.getName().equals(root)));
	}

	private static SpanData named(List<SpanData> spans, String name) {
		List<SpanData> matching = spans.stream().filter((span) -> span.getName().equals(name)).toList();
		assertThat(matching).as("spans named '%s' in %s", name, spans.stream().map(SpanData::getName).toList())
			.hasSize(1);
		return matching.get(0);
	}

	private static List<SpanData> children(List<SpanData> spans, SpanData parent) {
		return spans.stream()
			.filter((span) -> span.getParentSpanId().equals(parent.getSpanId()))
			.sorted(Comparator.comparingLong(SpanData::getStartEpochNanos))
			.toList();
	}

	private static String attribute(SpanData span, String key) {
		return span.getAttributes().get(AttributeKey.stringKey(key));
	}

	/**
	 * An agent application as a LangChain4j user writes it: models and AI services built
	 * with LangChain4j's builders, no tracing code.
	 */
	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class AgentApplication {

		@Bean
		InMemorySpanExporter inMemorySpanExporter() {
			return InMemorySpanExporter.create();
		}

		@Bean
		OpenAiChatModel langChain4jChatModel(Environment environment) {
			return OpenAiChatModel.builder()
				.baseUrl(environment.getRequiredProperty("provider.base-url"))
				.apiKey("test-key")
				.modelName(MODEL)
				.temperature(0.2)
				.maxRetries(1)
				.build();
		}

		// Also given the listener bean by hand, as the recipe for other providers says:
		// still one span per call.
		@Bean
		OpenAiStreamingChatModel langChain4jStreamingChatModel(Environment environment,
				TracingChatModelListener listener) {
			return OpenAiStreamingChatModel.builder()
				.baseUrl(environment.getRequiredProperty("provider.base-url"))
				.apiKey("test-key")
				.modelName(MODEL)
				.listeners(listener)
				.build();
		}

		@Bean
		SearchTools searchTools() {
			return new SearchTools();
		}

		@Bean
		Assistant assistant(OpenAiChatModel langChain4jChatModel, SearchTools tools) {
			return AiServices.builder(Assistant.class).chatModel(langChain4jChatModel).tools(tools).build();
		}

		@Bean
		StreamingAssistant streamingAssistant(OpenAiStreamingChatModel langChain4jStreamingChatModel,
				SearchTools tools) {
			return AiServices.builder(StreamingAssistant.class)
				.streamingChatModel(langChain4jStreamingChatModel)
				.tools(tools)
				.build();
		}

		@Bean
		AgentController agentController(Assistant assistant, StreamingAssistant streamingAssistant,
				OpenAiChatModel langChain4jChatModel, org.springframework.ai.chat.model.ChatModel springAiChatModel,
				AgentObservations observations, StreamCallbacks callbacks) {
			return new AgentController(assistant, streamingAssistant, langChain4jChatModel, springAiChatModel,
					observations, callbacks);
		}

		@Bean
		StreamCallbacks streamCallbacks() {
			return new StreamCallbacks();
		}

	}

	interface Assistant {

		String chat(String message);

	}

	interface StreamingAssistant {

		TokenStream chat(String message);

	}

	/**
	 * A LangChain4j tool that the README's way of tracing tools also marks.
	 */
	public static class SearchTools {

		static final String RESULT = "OpenTelemetry is a CNCF project for traces, metrics and logs.";

		static final Duration DURATION = Duration.ofMillis(20);

		volatile String lastTraceId;

		@Tool("Searches the web")
		@AgentTool
		public String search(@P("what to search for") String query) throws InterruptedException {
			this.lastTraceId = io.opentelemetry.api.trace.Span.current().getSpanContext().getTraceId();
			Thread.sleep(DURATION.toMillis());
			return RESULT;
		}

	}

	/**
	 * What the streaming endpoint saw on the request thread and in its last callback.
	 */
	static class StreamCallbacks {

		volatile String requestThread;

		volatile Map<String, String> completed = Map.of();

	}

	@RestController
	static class AgentController {

		private final Assistant assistant;

		private final StreamingAssistant streamingAssistant;

		private final OpenAiChatModel chatModel;

		private final org.springframework.ai.chat.model.ChatModel springAiChatModel;

		private final AgentObservations observations;

		private final StreamCallbacks callbacks;

		AgentController(Assistant assistant, StreamingAssistant streamingAssistant, OpenAiChatModel chatModel,
				org.springframework.ai.chat.model.ChatModel springAiChatModel, AgentObservations observations,
				StreamCallbacks callbacks) {
			this.assistant = assistant;
			this.streamingAssistant = streamingAssistant;
			this.chatModel = chatModel;
			this.springAiChatModel = springAiChatModel;
			this.observations = observations;
			this.callbacks = callbacks;
		}

		@AgentEndpoint("/chat")
		String chat(@RequestBody String message) {
			return this.assistant.chat(message);
		}

		@AgentEndpoint("/stream")
		CompletableFuture<String> stream(@RequestBody String message) {
			this.callbacks.requestThread = Thread.currentThread().getName();
			CompletableFuture<String> answer = new CompletableFuture<>();
			this.streamingAssistant.chat(message).onPartialResponse((token) -> {
			}).onCompleteResponse((response) -> {
				this.callbacks.completed = Map.of("thread", Thread.currentThread().getName(), "trace_id",
						String.valueOf(MDC.get("trace_id")), "run_id", String.valueOf(MDC.get("run_id")));
				this.observations.checkpointWrite("memory", 42, () -> null);
				answer.complete(response.aiMessage().text());
			}).onError(answer::completeExceptionally).start();
			return answer;
		}

		@AgentEndpoint("/fail")
		ResponseEntity<String> fail(@RequestBody String message) {
			try {
				return ResponseEntity.ok(this.chatModel.chat(message));
			}
			catch (RuntimeException ex) {
				return ResponseEntity.status(502).body(ex.getClass().getName());
			}
		}

		@AgentEndpoint("/both")
		String both(@RequestBody String message) {
			return this.springAiChatModel.call(message) + " " + this.chatModel.chat(message);
		}

	}

}
