package io.fastagentic.sample;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.util.Assert;

/**
 * An in-process stand-in for an OpenAI-compatible LLM provider and a web-search tool,
 * served over real HTTP on loopback.
 * <p>
 * The sample reaches it through the same HTTP client it would use for a real provider, so
 * client-side concerns such as timeouts, observations and trace propagation are exercised
 * end to end without network access or credentials. It serves:
 * <ul>
 * <li>{@code POST /v1/chat/completions}: the OpenAI chat-completions API, answered by
 * {@link FakeLanguageModel} with token usage: a user message is answered by a call of the
 * {@code search} tool when the request offers it, the tool's results by an answer citing
 * them; with {@code "stream": true} as server-sent events of
 * {@code chat.completion.chunk}s, ending with a usage chunk when
 * {@code stream_options.include_usage} is set. A last user message containing
 * {@value #FAIL_MARKER} gets an HTTP 500 instead of its answer (a tool round before it
 * still succeeds), so callers can provoke a provider failure;</li>
 * <li>{@code GET /search?q=...}: returns three deterministic search results.</li>
 * </ul>
 * Every request it receives is kept in a bounded log, see {@link #recentRequests()}.
 */
public final class FakeProviderServer {

	/**
	 * How many of the most recent requests {@link #recentRequests()} keeps.
	 */
	public static final int MAX_RECORDED_REQUESTS = 100;

	/**
	 * Text that makes the chat-completions endpoint fail instead of answering when the
	 * last user message contains it.
	 */
	public static final String FAIL_MARKER = "[fail]";

	private static final String CHAT_COMPLETIONS_PATH = "/v1/chat/completions";

	private static final String SEARCH_PATH = "/search";

	private final FakeLanguageModel model = new FakeLanguageModel();

	// A mapper of its own rather than the application's: like a remote service, the
	// wire format must not change with the application's Jackson settings.
	private final JsonMapper jsonMapper = JsonMapper.builder().build();

	private final Deque<RecordedRequest> recordedRequests = new ArrayDeque<>();

	private @Nullable HttpServer server;

	private @Nullable ExecutorService executor;

	/**
	 * Binds to a free port of 127.0.0.1 and starts serving.
	 * @throws UncheckedIOException if the server cannot be bound
	 */
	public synchronized void start() {
		Assert.state(this.server == null, "The fake provider is already started");
		HttpServer server;
		try {
			server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not bind the fake provider to a loopback port", ex);
		}
		CustomizableThreadFactory threadFactory = new CustomizableThreadFactory("fake-provider-");
		// Daemon threads so that a forgotten stop() never keeps a JVM alive.
		threadFactory.setDaemon(true);
		ExecutorService executor = Executors.newFixedThreadPool(4, threadFactory);
		server.setExecutor(executor);
		server.createContext("/", this::handle);
		server.start();
		this.server = server;
		this.executor = executor;
	}

	/**
	 * Stops serving and frees the port. Does nothing if the server is not started.
	 */
	public synchronized void stop() {
		if (this.server != null) {
			this.server.stop(0);
			this.server = null;
		}
		if (this.executor != null) {
			this.executor.shutdownNow();
			this.executor = null;
		}
	}

	/**
	 * Returns the base URI of the running server, such as {@code http://127.0.0.1:54321}.
	 * @return the base URI
	 * @throws IllegalStateException if the server is not started
	 */
	public synchronized URI baseUri() {
		Assert.state(this.server != null, "The fake provider is not started");
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort());
	}

	/**
	 * Returns the most recently received requests, oldest first, at most
	 * {@value #MAX_RECORDED_REQUESTS} of them.
	 * @return a snapshot of the received requests
	 */
	public List<RecordedRequest> recentRequests() {
		synchronized (this.recordedRequests) {
			return List.copyOf(this.recordedRequests);
		}
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			record(exchange, body);
			try {
				String path = exchange.getRequestURI().getPath();
				switch (path) {
					case CHAT_COMPLETIONS_PATH -> chatCompletions(exchange, body);
					case SEARCH_PATH -> search(exchange);
					default -> throw new ApiError(404, "invalid_request_error", "Unknown path: " + path);
				}
			}
			catch (ApiError error) {
				sendError(exchange, error);
			}
		}
	}

	private void record(HttpExchange exchange, String body) {
		Map<String, List<String>> headers = new HashMap<>();
		exchange.getRequestHeaders()
			.forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
		URI uri = exchange.getRequestURI();
		RecordedRequest request = new RecordedRequest(exchange.getRequestMethod(), uri.getPath(), uri.getRawQuery(),
				headers, body);
		synchronized (this.recordedRequests) {
			if (this.recordedRequests.size() == MAX_RECORDED_REQUESTS) {
				this.recordedRequests.removeFirst();
			}
			this.recordedRequests.addLast(request);
		}
	}

	private void chatCompletions(HttpExchange exchange, String body) throws IOException {
		requireMethod(exchange, "POST");
		JsonNode request;
		try {
			request = this.jsonMapper.readTree(body);
		}
		catch (JacksonException ex) {
			throw new ApiError(400, "invalid_request_error", "The request body is not valid JSON");
		}
		JsonNode modelName = request.path("model");
		if (!modelName.isString() || modelName.stringValue().isBlank()) {
			throw new ApiError(400, "invalid_request_error", "You must provide a model parameter");
		}
		JsonNode messageNodes = request.path("messages");
		if (!messageNodes.isArray() || messageNodes.isEmpty()) {
			throw new ApiError(400, "invalid_request_error", "'messages' must be a non-empty array");
		}
		List<FakeLanguageModel.Message> messages = new ArrayList<>();
		for (JsonNode message : messageNodes) {
			JsonNode content = message.path("content");
			messages.add(new FakeLanguageModel.Message(message.path("role").asString(""),
					content.isString() ? content.stringValue() : null));
		}
		FakeLanguageModel.Turn turn = this.model.respond(messages, offersSearch(request.path("tools")));
		String question = FakeLanguageModel.lastUserContent(messages);
		if (turn.toolCall() == null && question != null && question.contains(FAIL_MARKER)) {
			throw new ApiError(500, "server_error",
					"The sample provider failed on purpose: the last user message contains " + FAIL_MARKER);
		}
		Completion completion = new Completion("chatcmpl-" + UUID.randomUUID().toString().replace("-", ""),
				Instant.now().getEpochSecond(), modelName.stringValue(), turn);
		if (request.path("stream").asBoolean(false)) {
			stream(exchange, completion, request.path("stream_options").path("include_usage").asBoolean(false));
		}
		else {
			send(exchange, 200, completion(completion));
		}
	}

	private static boolean offersSearch(JsonNode tools) {
		for (JsonNode tool : tools) {
			if (FakeLanguageModel.SEARCH_TOOL.equals(tool.path("function").path("name").asString(null))) {
				return true;
			}
		}
		return false;
	}

	private ObjectNode completion(Completion completion) {
		ObjectNode response = completion.header(this.jsonMapper.createObjectNode(), "chat.completion");
		ObjectNode choice = response.putArray("choices").addObject();
		choice.put("index", 0);
		ObjectNode message = choice.putObject("message");
		message.put("role", "assistant");
		FakeLanguageModel.ToolCall toolCall = completion.turn().toolCall();
		if (toolCall != null) {
			message.putNull("content");
			ObjectNode call = message.putArray("tool_calls").addObject();
			call.put("id", toolCall.id());
			call.put("type", "function");
			call.putObject("function").put("name", toolCall.name()).put("arguments", toolCall.arguments());
		}
		else {
			message.put("content", completion.turn().content());
		}
		choice.put("finish_reason", completion.finishReason());
		usage(response, completion.turn());
		return response;
	}

	/**
	 * Streams a completion as OpenAI does: {@code chat.completion.chunk} events carrying
	 * deltas (the answer word by word, or the tool call with its arguments in a second
	 * chunk), a last choice chunk with the finish reason, the usage in a chunk without
	 * choices when the client asked for it, then {@code [DONE]}.
	 */
	private void stream(HttpExchange exchange, Completion completion, boolean includeUsage) throws IOException {
		exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
		exchange.getResponseHeaders().set("Connection", "close");
		exchange.sendResponseHeaders(200, 0);
		try (OutputStream out = exchange.getResponseBody()) {
			FakeLanguageModel.ToolCall toolCall = completion.turn().toolCall();
			if (toolCall != null) {
				ObjectNode call = this.jsonMapper.createObjectNode();
				call.put("index", 0).put("id", toolCall.id()).put("type", "function");
				call.putObject("function").put("name", toolCall.name()).put("arguments", "");
				ObjectNode delta = this.jsonMapper.createObjectNode().put("role", "assistant").putNull("content");
				delta.putArray("tool_calls").add(call);
				event(out, chunk(completion, delta, null));
				ObjectNode arguments = this.jsonMapper.createObjectNode().put("index", 0);
				arguments.putObject("function").put("arguments", toolCall.arguments());
				ObjectNode argumentsDelta = this.jsonMapper.createObjectNode();
				argumentsDelta.putArray("tool_calls").add(arguments);
				event(out, chunk(completion, argumentsDelta, null));
			}
			else {
				event(out, chunk(completion,
						this.jsonMapper.createObjectNode().put("role", "assistant").put("content", ""), null));
				for (String word : String.valueOf(completion.turn().content()).split("(?<= )")) {
					event(out, chunk(completion, this.jsonMapper.createObjectNode().put("content", word), null));
				}
			}
			event(out, chunk(completion, this.jsonMapper.createObjectNode(), completion.finishReason()));
			if (includeUsage) {
				ObjectNode usageChunk = completion.header(this.jsonMapper.createObjectNode(), "chat.completion.chunk");
				usageChunk.putArray("choices");
				usage(usageChunk, completion.turn());
				event(out, this.jsonMapper.writeValueAsString(usageChunk));
			}
			event(out, "[DONE]");
		}
	}

	private String chunk(Completion completion, ObjectNode delta, @Nullable String finishReason) {
		ObjectNode chunk = completion.header(this.jsonMapper.createObjectNode(), "chat.completion.chunk");
		ObjectNode choice = chunk.putArray("choices").addObject();
		choice.put("index", 0);
		choice.set("delta", delta);
		choice.put("finish_reason", finishReason);
		return this.jsonMapper.writeValueAsString(chunk);
	}

	private static void event(OutputStream out, String data) throws IOException {
		out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
		out.flush();
	}

	private static void usage(ObjectNode response, FakeLanguageModel.Turn turn) {
		ObjectNode usage = response.putObject("usage");
		usage.put("prompt_tokens", turn.promptTokens());
		usage.put("completion_tokens", turn.completionTokens());
		usage.put("total_tokens", turn.promptTokens() + turn.completionTokens());
		usage.putObject("prompt_tokens_details").put("cached_tokens", turn.cachedPromptTokens());
	}

	private void search(HttpExchange exchange) throws IOException {
		requireMethod(exchange, "GET");
		String query = queryParameter(exchange.getRequestURI().getRawQuery(), "q");
		if (query == null || query.isBlank()) {
			throw new ApiError(400, "invalid_request_error", "The 'q' query parameter is required");
		}
		String slug = slug(query);
		ObjectNode response = this.jsonMapper.createObjectNode();
		response.put("query", query);
		ArrayNode results = response.putArray("results");
		addResult(results, query + ": an overview", "https://example.com/wiki/" + slug,
				"An overview of " + query + ", covering the key concepts and terminology.");
		addResult(results, "A practical guide to " + query, "https://example.org/guides/" + slug,
				"Step-by-step guidance and worked examples about " + query + ".");
		addResult(results, query + ": frequently asked questions", "https://example.net/faq/" + slug,
				"Answers to the questions people most often ask about " + query + ".");
		send(exchange, 200, response);
	}

	private static void addResult(ArrayNode results, String title, String url, String snippet) {
		ObjectNode result = results.addObject();
		result.put("title", title);
		result.put("url", url);
		result.put("snippet", snippet);
	}

	private static String slug(String query) {
		String slug = query.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+)|(-+$)", "");
		if (slug.length() > 60) {
			slug = slug.substring(0, 60);
		}
		return slug.isEmpty() ? "query" : slug;
	}

	private static void requireMethod(HttpExchange exchange, String method) {
		if (!method.equals(exchange.getRequestMethod())) {
			throw new ApiError(405, "invalid_request_error",
					"Method " + exchange.getRequestMethod() + " is not allowed, use " + method);
		}
	}

	private void sendError(HttpExchange exchange, ApiError error) throws IOException {
		ObjectNode body = this.jsonMapper.createObjectNode();
		ObjectNode details = body.putObject("error");
		details.put("message", error.getMessage());
		details.put("type", error.type);
		details.putNull("param");
		details.putNull("code");
		send(exchange, error.status, body);
	}

	private void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
		byte[] bytes = this.jsonMapper.writeValueAsBytes(body);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		// The JDK server writes headers and body separately without TCP_NODELAY, so on a
		// kept-alive connection the body would wait for the client's delayed ACK (about
		// 40 ms per response); closing the connection sends it at once.
		exchange.getResponseHeaders().set("Connection", "close");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	private static @Nullable String queryParameter(@Nullable String rawQuery, String name) {
		if (rawQuery == null) {
			return null;
		}
		for (String pair : rawQuery.split("&")) {
			int separator = pair.indexOf('=');
			String key = (separator >= 0) ? pair.substring(0, separator) : pair;
			if (name.equals(URLDecoder.decode(key, StandardCharsets.UTF_8))) {
				return (separator >= 0) ? URLDecoder.decode(pair.substring(separator + 1), StandardCharsets.UTF_8) : "";
			}
		}
		return null;
	}

	/**
	 * A request received by the server.
	 *
	 * @param method the HTTP method
	 * @param path the decoded path, such as {@code /search}
	 * @param rawQuery the query string as sent, or {@code null} if there is none
	 * @param headers the headers, keyed by lower-case name
	 * @param body the body, empty if there is none
	 */
	public record RecordedRequest(String method, String path, @Nullable String rawQuery,
			Map<String, List<String>> headers, String body) {

		/**
		 * Creates a recorded request, keeping an unmodifiable copy of its headers.
		 * @param method the HTTP method
		 * @param path the decoded path
		 * @param rawQuery the query string as sent, or {@code null}
		 * @param headers the headers, keyed by lower-case name
		 * @param body the body
		 */
		public RecordedRequest {
			headers = Map.copyOf(headers);
		}

		/**
		 * Returns the first value of a header.
		 * @param name the header name, in any case
		 * @return the first value, or {@code null} if the header was not sent
		 */
		public @Nullable String header(String name) {
			List<String> values = this.headers.get(name.toLowerCase(Locale.ROOT));
			return (values != null && !values.isEmpty()) ? values.get(0) : null;
		}

		/**
		 * Returns the decoded value of a query parameter.
		 * @param name the parameter name
		 * @return the first value, or {@code null} if the parameter was not sent
		 */
		public @Nullable String queryParameter(String name) {
			return FakeProviderServer.queryParameter(this.rawQuery, name);
		}

	}

	/**
	 * One completion as sent on the wire.
	 *
	 * @param id the completion id, shared by the chunks of a stream
	 * @param created when it was created, in seconds since the epoch
	 * @param model the model that answered
	 * @param turn what the model said
	 */
	private record Completion(String id, long created, String model, FakeLanguageModel.Turn turn) {

		ObjectNode header(ObjectNode node, String object) {
			return node.put("id", this.id).put("object", object).put("created", this.created).put("model", this.model);
		}

		String finishReason() {
			return (this.turn.toolCall() != null) ? "tool_calls" : "stop";
		}

	}

	/**
	 * An error answered in the OpenAI error format.
	 */
	private static final class ApiError extends RuntimeException {

		private final int status;

		private final String type;

		ApiError(int status, String type, String message) {
			super(message);
			this.status = status;
			this.type = type;
		}

	}

}
