package io.fastagentic.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An OpenAI-compatible chat-completions server over real HTTP on loopback, scripted for
 * tests: a user message asks for the {@code search} tool, a tool result gets the final
 * answer, a user message containing {@code [fail]} gets an HTTP 500. Answers carry usage
 * (with cached tokens); streamed answers end with the usage chunk, as OpenAI sends it
 * with {@code stream_options.include_usage}. Every request's headers and body are kept.
 */
public final class FakeOpenAiServer implements AutoCloseable {

	/**
	 * The model the server says answered.
	 */
	public static final String RESPONSE_MODEL = "gpt-4o-2024-08-06";

	/**
	 * Usage of the tool-call round: prompt, completion, cached prompt tokens.
	 */
	public static final int[] TOOL_ROUND_USAGE = { 50, 10, 20 };

	/**
	 * Usage of the answer round: prompt, completion, cached prompt tokens.
	 */
	public static final int[] ANSWER_ROUND_USAGE = { 80, 20, 0 };

	/**
	 * The final answer's text.
	 */
	public static final String ANSWER = "OpenTelemetry is an observability framework.";

	private static final ObjectMapper JSON = new ObjectMapper();

	private final HttpServer server;

	private final List<Request> requests = new CopyOnWriteArrayList<>();

	private FakeOpenAiServer(HttpServer server) {
		this.server = server;
	}

	/**
	 * Start a server on a free loopback port.
	 * @return the started server
	 * @throws IOException if it cannot listen
	 */
	public static FakeOpenAiServer start() throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		FakeOpenAiServer fake = new FakeOpenAiServer(server);
		server.createContext("/v1/chat/completions", fake::handle);
		server.setExecutor(Executors.newCachedThreadPool());
		server.start();
		return fake;
	}

	/**
	 * The base URL that OpenAI clients take, ending in {@code /v1}.
	 * @return the base URL
	 */
	public String baseUrl() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/v1";
	}

	/**
	 * The requests received so far, oldest first.
	 * @return the requests
	 */
	public List<Request> requests() {
		return List.copyOf(this.requests);
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			Map<String, String> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
			exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, String.join(",", values)));
			this.requests.add(new Request(headers.get("traceparent"), headers, body));
			JsonNode request = JSON.readTree(body);
			JsonNode messages = request.path("messages");
			JsonNode last = messages.get(messages.size() - 1);
			String model = request.path("model").asText();
			if (last.path("content").asText().contains("[fail]")) {
				send(exchange, 500, "application/json",
						"{\"error\":{\"message\":\"upstream failure\",\"type\":\"server_error\"}}");
				return;
			}
			boolean toolRound = !"tool".equals(last.path("role").asText()) && request.has("tools");
			if (request.path("stream").asBoolean()) {
				send(exchange, 200, "text/event-stream", stream(toolRound, model));
			}
			else {
				send(exchange, 200, "application/json", completion(toolRound, model));
			}
		}
	}

	private static String completion(boolean toolRound, String model) throws IOException {
		Map<String, Object> message = toolRound ? Map.of("role", "assistant", "tool_calls", List.of(toolCall()))
				: Map.of("role", "assistant", "content", ANSWER);
		Map<String, Object> choice = Map.of("index", 0, "message", message, "finish_reason",
				toolRound ? "tool_calls" : "stop");
		return JSON.writeValueAsString(
				Map.of("id", toolRound ? "chatcmpl-tool" : "chatcmpl-answer", "object", "chat.completion", "created", 1,
						"model", RESPONSE_MODEL, "choices", List.of(choice), "usage", usage(toolRound)));
	}

	private static String stream(boolean toolRound, String model) throws IOException {
		String id = toolRound ? "chatcmpl-tool" : "chatcmpl-answer";
		StringBuilder events = new StringBuilder();
		if (toolRound) {
			events.append(chunk(id, Map.of("role", "assistant", "tool_calls", List.of(toolCallDelta())), null));
			events.append(chunk(id, Map.of(), "tool_calls"));
		}
		else {
			for (String word : ANSWER.split("(?<= )")) {
				events.append(chunk(id, Map.of("role", "assistant", "content", word), null));
			}
			events.append(chunk(id, Map.of(), "stop"));
		}
		events.append("data: ")
			.append(JSON.writeValueAsString(Map.of("id", id, "object", "chat.completion.chunk", "created", 1, "model",
					RESPONSE_MODEL, "choices", List.of(), "usage", usage(toolRound))))
			.append("\n\n");
		events.append("data: [DONE]\n\n");
		return events.toString();
	}

	private static String chunk(String id, Map<String, Object> delta, String finishReason) throws IOException {
		Map<String, Object> choice = new java.util.HashMap<>();
		choice.put("index", 0);
		choice.put("delta", delta);
		choice.put("finish_reason", finishReason);
		return "data: " + JSON.writeValueAsString(Map.of("id", id, "object", "chat.completion.chunk", "created", 1,
				"model", RESPONSE_MODEL, "choices", List.of(choice))) + "\n\n";
	}

	private static Map<String, Object> toolCall() {
		return Map.of("id", "call_search", "type", "function", "function",
				Map.of("name", "search", "arguments", "{\"query\":\"opentelemetry\"}"));
	}

	private static Map<String, Object> toolCallDelta() {
		return Map.of("index", 0, "id", "call_search", "type", "function", "function",
				Map.of("name", "search", "arguments", "{\"query\":\"opentelemetry\"}"));
	}

	private static Map<String, Object> usage(boolean toolRound) {
		int[] usage = toolRound ? TOOL_ROUND_USAGE : ANSWER_ROUND_USAGE;
		return Map.of("prompt_tokens", usage[0], "completion_tokens", usage[1], "total_tokens", usage[0] + usage[1],
				"prompt_tokens_details", Map.of("cached_tokens", usage[2]));
	}

	private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", contentType);
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	/**
	 * One request received.
	 *
	 * @param traceparent its W3C {@code traceparent} header, or {@code null}
	 * @param headers all its headers, names case-insensitive
	 * @param body its body
	 */
	public record Request(String traceparent, Map<String, String> headers, String body) {

	}

}
