package io.fastagentic.springai;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import io.fastagentic.annotation.AgentEndpoint;
import io.fastagentic.annotation.AgentTool;
import io.fastagentic.testing.FakeOpenAiServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import reactor.core.publisher.Flux;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.memory.ChatMemory;
import org.springframework.ai.tool.annotation.Tool;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A Spring AI application as a user writes it (OpenAI starter, {@code ChatClient}, a
 * {@code @Tool}, an {@code @AgentEndpoint}), with the starter added and no tracing code:
 * its real OpenAI client talks HTTP to a fake OpenAI server, and the exported spans are
 * the specification's tree.
 */
class SpringAiTracingTests {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final AttributeKey<Long> PROMPT_TOKENS = AttributeKey.longKey("tokens.prompt");

	private static final AttributeKey<Long> COMPLETION_TOKENS = AttributeKey.longKey("tokens.completion");

	private static final AttributeKey<Double> COST = AttributeKey.doubleKey("cost");

	private FakeOpenAiServer provider;

	private ConfigurableApplicationContext app;

	@AfterEach
	void stop() {
		if (this.app != null) {
			this.app.close();
		}
		if (this.provider != null) {
			this.provider.close();
		}
	}

	@Test
	void chatWithAToolRoundIsTheSpecificationsTree() throws Exception {
		start();
		HttpResponse<String> response = post("/chat", "What is OpenTelemetry?");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo(FakeOpenAiServer.ANSWER);
		List<SpanData> trace = traceOf("http post /chat");
		SpanData http = single(trace, "http post /chat");
		SpanData run = single(trace, "agent.run /chat");
		assertThat(run.getParentSpanId()).isEqualTo(http.getSpanId());
		List<SpanData> llmCalls = named(trace, "llm.call gpt-4o");
		assertThat(llmCalls).hasSize(2).allSatisfy((llm) -> {
			assertThat(llm.getKind()).isEqualTo(SpanKind.CLIENT);
			assertThat(llm.getParentSpanId()).isEqualTo(run.getSpanId());
			assertThat(llm.getAttributes().get(AttributeKey.stringKey("model"))).isEqualTo("gpt-4o");
			assertThat(llm.getAttributes().get(AttributeKey.stringKey("gen_ai.provider.name"))).isEqualTo("openai");
			assertThat(llm.getAttributes().get(AttributeKey.stringKey("gen_ai.operation.name"))).isEqualTo("chat");
			assertThat(llm.getAttributes().get(AttributeKey.stringKey("gen_ai.request.model"))).isEqualTo("gpt-4o");
			assertThat(llm.getAttributes().get(AttributeKey.stringKey("gen_ai.response.model")))
				.isEqualTo(FakeOpenAiServer.RESPONSE_MODEL);
			assertThat(llm.getAttributes().get(AttributeKey.stringKey("gen_ai.system"))).isNull();
		});
		SpanData toolRound = llmCalls.get(0);
		assertThat(toolRound.getAttributes().get(PROMPT_TOKENS)).isEqualTo(50);
		assertThat(toolRound.getAttributes().get(COMPLETION_TOKENS)).isEqualTo(10);
		assertThat(toolRound.getAttributes().get(AttributeKey.longKey("gen_ai.usage.input_tokens"))).isEqualTo(50);
		assertThat(toolRound.getAttributes().get(AttributeKey.longKey("gen_ai.usage.output_tokens"))).isEqualTo(10);
		assertThat(toolRound.getAttributes().get(AttributeKey.longKey("gen_ai.usage.cache_read.input_tokens")))
			.isEqualTo(20);
		assertThat(toolRound.getAttributes().get(AttributeKey.stringKey("gen_ai.response.id")))
			.isEqualTo("chatcmpl-tool");
		assertThat(toolRound.getAttributes().get(AttributeKey.stringArrayKey("gen_ai.response.finish_reasons")))
			.containsExactly("tool_calls");
		// gpt-4o: 2.50 input, 1.25 cached input, 10.00 output per million tokens.
		assertThat(toolRound.getAttributes().get(COST)).isEqualTo((30 * 2.5 + 20 * 1.25 + 10 * 10.0) / 1_000_000);
		SpanData answerRound = llmCalls.get(1);
		assertThat(answerRound.getAttributes().get(PROMPT_TOKENS)).isEqualTo(80);
		assertThat(answerRound.getAttributes().get(AttributeKey.stringArrayKey("gen_ai.response.finish_reasons")))
			.containsExactly("stop");
		SpanData tool = single(trace, "tool.call search");
		assertThat(tool.getParentSpanId()).isEqualTo(run.getSpanId());
		assertThat(tool.getAttributes().get(AttributeKey.stringKey("tool"))).isEqualTo("search");
		assertThat(tool.getAttributes().get(AttributeKey.stringKey("gen_ai.tool.name"))).isEqualTo("search");
		assertThat(tool.getAttributes().get(AttributeKey.stringKey("gen_ai.tool.call.id"))).isEqualTo("call_search");
		long spanMillis = Math.round((tool.getEndEpochNanos() - tool.getStartEpochNanos()) / 1_000_000.0);
		assertThat(tool.getAttributes().get(AttributeKey.longKey("duration_ms"))).isEqualTo(spanMillis);
		assertThat(tool.getStartEpochNanos()).isGreaterThan(toolRound.getEndEpochNanos() - 1);
		assertThat(run.getAttributes().get(AttributeKey.stringKey("adapter"))).isEqualTo("spring-ai");
		assertThat(run.getAttributes().get(AttributeKey.stringKey("model"))).isEqualTo("gpt-4o");
		assertThat(run.getAttributes().get(PROMPT_TOKENS)).isEqualTo(130);
		assertThat(run.getAttributes().get(COMPLETION_TOKENS)).isEqualTo(30);
		assertThat(run.getAttributes().get(AttributeKey.longKey("llm.calls"))).isEqualTo(2);
		assertThat(run.getAttributes().get(COST)).isEqualTo(
				toolRound.getAttributes().get(COST) + answerRound.getAttributes().get(COST),
				org.assertj.core.data.Offset.offset(1e-12));
		// Spring AI's chat client and advisor layers stay out of the tree.
		assertThat(trace).extracting(SpanData::getName)
			.noneMatch((name) -> name.startsWith("spring_ai") || name.equals("call") || name.startsWith("tool _")
					|| name.startsWith("chat ") || name.startsWith("execute_tool"));
		assertProviderCallsAreChildrenOf(llmCalls, trace);
		// No content without opt-in.
		assertThat(trace)
			.allSatisfy((span) -> assertThat(span.getAttributes().asMap().keySet()).extracting(AttributeKey::getKey)
				.noneMatch((key) -> key.startsWith("gen_ai.input") || key.startsWith("gen_ai.output")
						|| key.equals("gen_ai.tool.call.arguments") || key.equals("gen_ai.tool.call.result")
						|| key.startsWith("spring.ai.tool.call")));
	}

	@Test
	void conversationOfChatMemoryNamesTheLlmCalls() throws Exception {
		start();
		assertThat(post("/chat/conversation", "What is OpenTelemetry?").statusCode()).isEqualTo(200);
		List<SpanData> trace = traceOf("http post /chat/conversation");
		assertThat(named(trace, "llm.call gpt-4o")).hasSize(2)
			.allSatisfy((llm) -> assertThat(llm.getAttributes().get(AttributeKey.stringKey("gen_ai.conversation.id")))
				.isEqualTo("conversation-7"));
	}

	@Test
	void tokensAndCostAreCountedOnceEach() throws Exception {
		start();
		assertThat(post("/chat", "What is OpenTelemetry?").statusCode()).isEqualTo(200);
		traceOf("http post /chat");
		MeterRegistry meters = this.app.getBean(MeterRegistry.class);
		assertThat(meters.get("fastagentic.llm.tokens").tag("model", "gpt-4o").tag("type", "prompt").counter().count())
			.isEqualTo(130);
		assertThat(meters.get("fastagentic.llm.cost").tag("model", "gpt-4o").counter().count()).isPositive();
		// Spring AI records the GenAI token metric for its calls, with the llm.call tags;
		// FastAgentic does not count them a second time.
		assertThat(meters.get("gen_ai.client.token.usage")
			.tag("gen_ai.token.type", "input")
			.tag("gen_ai.provider.name", "openai")
			.tag("model", "gpt-4o")
			.counters()).singleElement().satisfies((counter) -> assertThat(counter.count()).isEqualTo(130));
	}

	@Test
	void capturedContentIsInTheGenAiForm() throws Exception {
		start("--fastagentic.llm.capture-content=true");
		assertThat(post("/chat", "What is OpenTelemetry?").statusCode()).isEqualTo(200);
		List<SpanData> trace = traceOf("http post /chat");
		SpanData answerRound = named(trace, "llm.call gpt-4o").get(1);
		assertThat(answerRound.getAttributes().get(AttributeKey.stringKey("gen_ai.input.messages")))
			.contains("{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"What is OpenTelemetry?\"}]}")
			.contains("{\"type\":\"tool_call\",\"id\":\"call_search\",\"name\":\"search\"")
			.contains("{\"role\":\"tool\",\"parts\":[{\"type\":\"tool_call_response\",\"id\":\"call_search\"");
		assertThat(answerRound.getAttributes().get(AttributeKey.stringKey("gen_ai.output.messages")))
			.isEqualTo("[{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":\"" + FakeOpenAiServer.ANSWER
					+ "\"}],\"finish_reason\":\"stop\"}]");
		SpanData tool = single(trace, "tool.call search");
		assertThat(tool.getAttributes().get(AttributeKey.stringKey("gen_ai.tool.call.arguments")))
			.isEqualTo("{\"query\":\"opentelemetry\"}");
		assertThat(tool.getAttributes().get(AttributeKey.stringKey("gen_ai.tool.call.result")))
			.contains("results for opentelemetry");
	}

	@Test
	void failingProviderMakesTheLlmCallAnError() throws Exception {
		start();
		assertThat(post("/chat", "[fail] please").statusCode()).isEqualTo(500);
		List<SpanData> trace = traceOf("http post /chat");
		List<SpanData> llmCalls = named(trace, "llm.call gpt-4o");
		assertThat(llmCalls).isNotEmpty().allSatisfy((llm) -> {
			assertThat(llm.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
			assertThat(llm.getAttributes().get(AttributeKey.stringKey("error.type"))).isNotBlank();
		});
		assertThat(single(trace, "agent.run /chat").getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
	}

	@Test
	void chatClientSpansComeBackWhenAskedFor() throws Exception {
		start("--fastagentic.spring-ai.chat-client-spans=true");
		assertThat(post("/chat", "What is OpenTelemetry?").statusCode()).isEqualTo(200);
		List<SpanData> trace = traceOf("http post /chat");
		SpanData client = single(trace, "spring_ai chat_client");
		assertThat(client.getParentSpanId()).isEqualTo(single(trace, "agent.run /chat").getSpanId());
		assertThat(named(trace, "llm.call gpt-4o")).hasSize(2);
	}

	@Test
	void streamedRunStaysInOneTraceWithItsUsage() throws Exception {
		start();
		HttpResponse<String> response = post("/chat/stream", "What is OpenTelemetry?");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body().replace("data:", "").replace("\n", "")).isEqualTo(FakeOpenAiServer.ANSWER);
		List<SpanData> trace = traceOf("http post /chat/stream");
		SpanData run = single(trace, "agent.run /chat/stream");
		List<SpanData> llmCalls = named(trace, "llm.call gpt-4o");
		assertThat(llmCalls).hasSize(2).allSatisfy((llm) -> {
			assertThat(llm.getKind()).isEqualTo(SpanKind.CLIENT);
			assertThat(llm.getParentSpanId()).isEqualTo(run.getSpanId());
		});
		assertThat(llmCalls.get(0).getAttributes().get(PROMPT_TOKENS)).isEqualTo(50);
		assertThat(llmCalls.get(1).getAttributes().get(COMPLETION_TOKENS)).isEqualTo(20);
		assertThat(single(trace, "tool.call search").getParentSpanId()).isEqualTo(run.getSpanId());
		assertThat(run.getAttributes().get(PROMPT_TOKENS)).isEqualTo(130);
		assertThat(this.provider.requests()).allSatisfy(
				(request) -> assertThat(request.body()).contains("\"stream_options\":{\"include_usage\":true}"));
	}

	/**
	 * The provider's HTTP calls are client spans of the LLM calls, one each, and carry
	 * their context to the provider, which never sees FastAgentic's call-id header.
	 */
	private void assertProviderCallsAreChildrenOf(List<SpanData> llmCalls, List<SpanData> trace) {
		List<SpanData> posts = trace.stream().filter((span) -> span.getName().equalsIgnoreCase("post")).toList();
		assertThat(posts).hasSize(llmCalls.size())
			.allSatisfy((post) -> assertThat(post.getKind()).isEqualTo(SpanKind.CLIENT))
			.extracting(SpanData::getParentSpanId)
			.containsExactlyInAnyOrderElementsOf(llmCalls.stream().map(SpanData::getSpanId).toList());
		assertThat(this.provider.requests()).extracting(FakeOpenAiServer.Request::traceparent)
			.containsExactlyInAnyOrderElementsOf(posts.stream()
				.map((post) -> "00-" + post.getTraceId() + "-" + post.getSpanId() + "-"
						+ post.getSpanContext().getTraceFlags().asHex())
				.toList());
		assertThat(this.provider.requests())
			.allSatisfy((request) -> assertThat(request.headers()).doesNotContainKey("X-FastAgentic-Call"));
	}

	@Test
	void streamedRunKeepsTheRunIdInTheLogContextOfTheThreadsReactorHopsTo() throws Exception {
		start();
		assertThat(post("/chat/stream", "What is OpenTelemetry?").statusCode()).isEqualTo(200);
		List<SpanData> trace = traceOf("http post /chat/stream");
		SpanData run = single(trace, "agent.run /chat/stream");
		SearchTools tools = this.app.getBean(SearchTools.class);
		// The bean is proxied (@AgentTool): read what the tool saw through its methods.
		assertThat(tools.seen()).singleElement()
			.satisfies((seen) -> assertThat(seen.thread()).doesNotStartWith("http-nio"))
			.satisfies((seen) -> assertThat(seen.runId())
				.isEqualTo(run.getAttributes().get(AttributeKey.stringKey("run_id"))))
			.satisfies((seen) -> assertThat(seen.traceId()).isEqualTo(run.getTraceId()));
	}

	@Test
	void streamSentThroughAnSseEmitterStaysInTheRunsTrace() throws Exception {
		start();
		HttpResponse<String> response = post("/chat/sse", "What is OpenTelemetry?");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body().replace("data:", "").replace("\n", "")).isEqualTo(FakeOpenAiServer.ANSWER);
		List<SpanData> trace = traceOf("http post /chat/sse");
		SpanData run = single(trace, "agent.run /chat/sse");
		List<SpanData> llmCalls = named(trace, "llm.call gpt-4o");
		assertThat(llmCalls).hasSize(2)
			.allSatisfy((llm) -> assertThat(llm.getParentSpanId()).isEqualTo(run.getSpanId()));
		assertThat(single(trace, "tool.call search").getParentSpanId()).isEqualTo(run.getSpanId());
		assertThat(run.getEndEpochNanos()).isGreaterThanOrEqualTo(llmCalls.get(1).getEndEpochNanos());
		assertProviderCallsAreChildrenOf(llmCalls, trace);
	}

	private void start(String... args) throws Exception {
		this.provider = FakeOpenAiServer.start();
		String[] defaults = { "--server.port=0", "--spring.ai.openai.base-url=" + this.provider.baseUrl(),
				"--spring.ai.openai.api-key=test-key", "--spring.ai.openai.chat.model=gpt-4o",
				"--spring.ai.retry.max-attempts=1", "--spring.ai.openai.max-retries=0",
				"--management.tracing.sampling.probability=1.0",
				"--management.opentelemetry.tracing.export.schedule-delay=10ms" };
		String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(defaults), java.util.Arrays.stream(args))
			.toArray(String[]::new);
		this.app = new SpringApplicationBuilder(AgentApp.class).run(all);
	}

	private HttpResponse<String> post(String path, String message) throws Exception {
		URI uri = URI.create("http://localhost:" + this.app.getEnvironment().getProperty("local.server.port") + path);
		return HTTP.send(HttpRequest.newBuilder(uri)
			.header("Content-Type", "text/plain")
			.POST(HttpRequest.BodyPublishers.ofString(message))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private List<SpanData> traceOf(String rootName) {
		InMemorySpanExporter exporter = this.app.getBean(InMemorySpanExporter.class);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> exporter.getFinishedSpanItems()
				.stream()
				.anyMatch((span) -> span.getName().equalsIgnoreCase(rootName)));
		SpanData root = exporter.getFinishedSpanItems()
			.stream()
			.filter((span) -> span.getName().equalsIgnoreCase(rootName))
			.findFirst()
			.orElseThrow();
		Map<String, List<SpanData>> byTrace = exporter.getFinishedSpanItems()
			.stream()
			.collect(Collectors.groupingBy(SpanData::getTraceId));
		assertThat(byTrace).as("every span belongs to the request's trace").containsOnlyKeys(root.getTraceId());
		return byTrace.get(root.getTraceId())
			.stream()
			.sorted(java.util.Comparator.comparingLong(SpanData::getStartEpochNanos))
			.toList();
	}

	private static List<SpanData> named(List<SpanData> trace, String name) {
		return trace.stream().filter((span) -> span.getName().equalsIgnoreCase(name)).toList();
	}

	private static SpanData single(List<SpanData> trace, String name) {
		List<SpanData> spans = named(trace, name);
		assertThat(spans).as(name).hasSize(1);
		return spans.get(0);
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(ChatController.class)
	static class AgentApp {

		@Bean
		InMemorySpanExporter inMemorySpanExporter() {
			return InMemorySpanExporter.create();
		}

		@Bean
		SearchTools searchTools() {
			return new SearchTools();
		}

		@Bean
		SimpleMeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

	}

	/**
	 * What a tool saw of the log context, and where it ran.
	 */
	record Seen(String thread, String runId, String traceId) {

	}

	@RestController
	static class ChatController {

		private final ChatClient chatClient;

		private final SearchTools tools;

		ChatController(ChatClient.Builder chatClient, SearchTools tools) {
			this.chatClient = chatClient.build();
			this.tools = tools;
		}

		@AgentEndpoint(path = "/chat", consumes = MediaType.TEXT_PLAIN_VALUE)
		String chat(@RequestBody String message) {
			return this.chatClient.prompt().user(message).tools(this.tools).call().content();
		}

		@AgentEndpoint(path = "/chat/stream", consumes = MediaType.TEXT_PLAIN_VALUE,
				produces = MediaType.TEXT_EVENT_STREAM_VALUE)
		Flux<String> stream(@RequestBody String message) {
			return this.chatClient.prompt().user(message).tools(this.tools).stream().content();
		}

		@AgentEndpoint(path = "/chat/conversation", consumes = MediaType.TEXT_PLAIN_VALUE)
		String conversation(@RequestBody String message) {
			return this.chatClient.prompt()
				.user(message)
				.advisors((advisors) -> advisors.param(ChatMemory.CONVERSATION_ID, "conversation-7"))
				.tools(this.tools)
				.call()
				.content();
		}

		@AgentEndpoint(path = "/chat/sse", consumes = MediaType.TEXT_PLAIN_VALUE,
				produces = MediaType.TEXT_EVENT_STREAM_VALUE)
		SseEmitter sse(@RequestBody String message) {
			SseEmitter emitter = new SseEmitter();
			this.chatClient.prompt()
				.user(message)
				.tools(this.tools)
				.stream()
				.content()
				.subscribe((token) -> send(emitter, token), emitter::completeWithError, emitter::complete);
			return emitter;
		}

		private static void send(SseEmitter emitter, String token) {
			try {
				emitter.send(token);
			}
			catch (IOException ex) {
				emitter.completeWithError(ex);
			}
		}

	}

	public static class SearchTools {

		private final List<Seen> seen = new CopyOnWriteArrayList<>();

		// @AgentTool next to @Tool: still one tool.call span.
		@Tool(description = "Search the web")
		@AgentTool("search")
		public String search(String query) {
			this.seen.add(new Seen(Thread.currentThread().getName(), MDC.get("run_id"), MDC.get("trace_id")));
			return "results for " + query;
		}

		public List<Seen> seen() {
			return this.seen;
		}

	}

}
