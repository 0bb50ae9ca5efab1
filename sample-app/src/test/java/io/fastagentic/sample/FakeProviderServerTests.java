package io.fastagentic.sample;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link FakeProviderServer}, over real HTTP.
 */
class FakeProviderServerTests {

	private static final String SEARCH_TOOL = """
			{"type": "function", "function": {"name": "search", "parameters": {"type": "object",
				"properties": {"query": {"type": "string"}}}}}""";

	private static final String SEARCH_RESULTS = """
			{"query": "tracing", "results": [
				{"title": "Tracing", "url": "https://example.com/tracing", "snippet": "All about it."}]}""";

	private final FakeProviderServer server = new FakeProviderServer();

	private final HttpClient httpClient = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final JsonMapper jsonMapper = JsonMapper.builder().build();

	@BeforeEach
	void startServer() {
		this.server.start();
	}

	@AfterEach
	void stopServer() {
		this.server.stop();
	}

	@Test
	void bindsToLoopback() {
		assertThat(this.server.baseUri().getHost()).isEqualTo("127.0.0.1");
		assertThat(this.server.baseUri().getPort()).isPositive();
	}

	@Test
	void chatCompletionAnswersInOpenAiFormatWithWordCountUsage() throws Exception {
		HttpResponse<String> response = postChatCompletion("""
				{"model": "gpt-test", "messages": [
					{"role": "system", "content": "Be brief."},
					{"role": "user", "content": "What is tracing?"}]}""");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
		JsonNode body = this.jsonMapper.readTree(response.body());
		assertThat(body.path("id").asString()).startsWith("chatcmpl-");
		assertThat(body.path("object").asString()).isEqualTo("chat.completion");
		assertThat(body.path("created").isNumber()).isTrue();
		assertThat(body.path("model").asString()).isEqualTo("gpt-test");
		JsonNode choice = body.path("choices").path(0);
		assertThat(choice.path("index").asInt()).isZero();
		assertThat(choice.path("message").path("role").asString()).isEqualTo("assistant");
		assertThat(choice.path("message").has("tool_calls")).isFalse();
		assertThat(choice.path("finish_reason").asString()).isEqualTo("stop");
		String answer = choice.path("message").path("content").asString();
		assertThat(answer).isEqualTo("I have no tool results for \"What is tracing?\", so I cannot cite a source.");
		JsonNode usage = body.path("usage");
		assertThat(usage.path("prompt_tokens").asInt()).isEqualTo(5);
		assertThat(usage.path("completion_tokens").asInt()).isEqualTo(15);
		assertThat(usage.path("total_tokens").asInt()).isEqualTo(20);
		assertThat(usage.path("prompt_tokens_details").path("cached_tokens").asInt()).isZero();
	}

	@Test
	void offeredTheSearchToolTheModelCallsItThenAnswersItsResults() throws Exception {
		HttpResponse<String> toolRound = postChatCompletion("""
				{"model": "gpt-test", "tools": [%s], "messages": [
					{"role": "system", "content": "Be brief."},
					{"role": "user", "content": "What is tracing?"}]}""".formatted(SEARCH_TOOL));

		JsonNode choice = this.jsonMapper.readTree(toolRound.body()).path("choices").path(0);
		assertThat(choice.path("finish_reason").asString()).isEqualTo("tool_calls");
		assertThat(choice.path("message").path("content").isNull()).isTrue();
		JsonNode call = choice.path("message").path("tool_calls").path(0);
		assertThat(call.path("id").asString()).isEqualTo("call_search");
		assertThat(call.path("type").asString()).isEqualTo("function");
		assertThat(call.path("function").path("name").asString()).isEqualTo("search");
		assertThat(call.path("function").path("arguments").asString()).isEqualTo("{\"query\":\"What is tracing?\"}");

		HttpResponse<String> answerRound = postChatCompletion("""
				{"model": "gpt-test", "tools": [%s], "messages": [
					{"role": "system", "content": "Be brief."},
					{"role": "user", "content": "What is tracing?"},
					{"role": "assistant", "content": null, "tool_calls": [{"id": "call_search", "type": "function",
						"function": {"name": "search", "arguments": "{\\"query\\":\\"What is tracing?\\"}"}}]},
					{"role": "tool", "tool_call_id": "call_search", "content": %s}]}""".formatted(SEARCH_TOOL,
				this.jsonMapper.writeValueAsString(SEARCH_RESULTS)));

		JsonNode body = this.jsonMapper.readTree(answerRound.body());
		assertThat(body.path("choices").path(0).path("finish_reason").asString()).isEqualTo("stop");
		assertThat(body.path("choices").path(0).path("message").path("content").asString())
			.isEqualTo("Here is what I found about \"What is tracing?\" in 1 search result. "
					+ "The best match is \"Tracing\" (https://example.com/tracing).");
		assertThat(body.path("usage").path("prompt_tokens").asInt())
			.isEqualTo(5 + FakeLanguageModel.countTokens(SEARCH_RESULTS));
		assertThat(body.path("usage").path("prompt_tokens_details").path("cached_tokens").asInt()).isEqualTo(5);
	}

	@Test
	void streamedAnswerComesAsChunksThenTheUsageChunkThenDone() throws Exception {
		HttpResponse<String> response = postChatCompletion("""
				{"model": "gpt-test", "stream": true, "stream_options": {"include_usage": true},
				 "messages": [{"role": "user", "content": "What is tracing?"}]}""");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("text/event-stream");
		List<String> data = events(response.body());
		assertThat(data.get(data.size() - 1)).isEqualTo("[DONE]");
		List<JsonNode> chunks = data.subList(0, data.size() - 1).stream().map(this.jsonMapper::readTree).toList();
		assertThat(chunks).allSatisfy((chunk) -> {
			assertThat(chunk.path("object").asString()).isEqualTo("chat.completion.chunk");
			assertThat(chunk.path("id").asString()).isEqualTo(chunks.get(0).path("id").asString());
			assertThat(chunk.path("model").asString()).isEqualTo("gpt-test");
		});
		JsonNode usageChunk = chunks.get(chunks.size() - 1);
		assertThat(usageChunk.path("choices")).isEmpty();
		assertThat(usageChunk.path("usage").path("prompt_tokens").asInt()).isEqualTo(3);
		assertThat(usageChunk.path("usage").path("completion_tokens").asInt()).isEqualTo(15);
		JsonNode last = chunks.get(chunks.size() - 2).path("choices").path(0);
		assertThat(last.path("finish_reason").asString()).isEqualTo("stop");
		List<JsonNode> deltas = chunks.subList(0, chunks.size() - 2)
			.stream()
			.map((chunk) -> chunk.path("choices").path(0).path("delta"))
			.toList();
		assertThat(deltas.get(0).path("role").asString()).isEqualTo("assistant");
		assertThat(deltas.stream().map((delta) -> delta.path("content").asString()).collect(Collectors.joining()))
			.isEqualTo("I have no tool results for \"What is tracing?\", so I cannot cite a source.");
		assertThat(deltas).hasSize(1 + 15);
	}

	@Test
	void streamedToolCallComesWithItsArgumentsInASecondChunk() throws Exception {
		HttpResponse<String> response = postChatCompletion("""
				{"model": "gpt-test", "stream": true, "tools": [%s],
				 "messages": [{"role": "user", "content": "What is tracing?"}]}""".formatted(SEARCH_TOOL));

		List<String> data = events(response.body());
		assertThat(data).hasSize(4).last().isEqualTo("[DONE]");
		JsonNode first = this.jsonMapper.readTree(data.get(0)).path("choices").path(0).path("delta");
		assertThat(first.path("tool_calls").path(0).path("id").asString()).isEqualTo("call_search");
		assertThat(first.path("tool_calls").path(0).path("function").path("name").asString()).isEqualTo("search");
		JsonNode second = this.jsonMapper.readTree(data.get(1)).path("choices").path(0).path("delta");
		assertThat(second.path("tool_calls").path(0).path("function").path("arguments").asString())
			.isEqualTo("{\"query\":\"What is tracing?\"}");
		assertThat(this.jsonMapper.readTree(data.get(2)).path("choices").path(0).path("finish_reason").asString())
			.isEqualTo("tool_calls");
	}

	@Test
	void chatCompletionFailsWithServerErrorInsteadOfAnsweringWhenLastUserMessageAsksForIt() throws Exception {
		HttpResponse<String> toolRound = postChatCompletion("""
				{"model": "gpt-test", "tools": [%s], "messages": [{"role": "user", "content": "Please [fail] now"}]}"""
			.formatted(SEARCH_TOOL));
		HttpResponse<String> response = postChatCompletion("""
				{"model": "gpt-test", "messages": [{"role": "user", "content": "Please [fail] now"}]}""");

		assertThat(toolRound.statusCode()).isEqualTo(200);
		assertThat(response.statusCode()).isEqualTo(500);
		JsonNode error = this.jsonMapper.readTree(response.body()).path("error");
		assertThat(error.path("type").asString()).isEqualTo("server_error");
		assertThat(error.path("message").asString()).contains("[fail]");
	}

	@Test
	void chatCompletionRejectsRequestsWithoutMessages() throws Exception {
		HttpResponse<String> response = postChatCompletion("{\"model\": \"gpt-test\", \"messages\": []}");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(this.jsonMapper.readTree(response.body()).path("error").path("type").asString())
			.isEqualTo("invalid_request_error");
	}

	@Test
	void searchReturnsThreeDeterministicResults() throws Exception {
		HttpResponse<String> first = search("span links & baggage");
		HttpResponse<String> second = search("span links & baggage");

		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(first.body()).isEqualTo(second.body());
		JsonNode body = this.jsonMapper.readTree(first.body());
		assertThat(body.path("query").asString()).isEqualTo("span links & baggage");
		assertThat(body.path("results")).hasSize(3);
		assertThat(body.path("results").path(0).path("url").asString())
			.isEqualTo("https://example.com/wiki/span-links-baggage");
		for (JsonNode result : body.path("results")) {
			assertThat(result.path("title").asString()).contains("span links & baggage");
			assertThat(result.path("snippet").asString()).isNotBlank();
		}
	}

	@Test
	void searchRequiresAQuery() throws Exception {
		HttpResponse<String> response = send(HttpRequest.newBuilder(this.server.baseUri().resolve("/search")).build());

		assertThat(response.statusCode()).isEqualTo(400);
	}

	@Test
	void recordsMethodPathQueryHeadersAndBodyOfEachRequest() throws Exception {
		send(HttpRequest.newBuilder(this.server.baseUri().resolve("/v1/chat/completions"))
			.header("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")
			.POST(HttpRequest.BodyPublishers.ofString("{}"))
			.build());
		search("a b");

		assertThat(this.server.recentRequests()).hasSize(2);
		FakeProviderServer.RecordedRequest chat = this.server.recentRequests().get(0);
		assertThat(chat.method()).isEqualTo("POST");
		assertThat(chat.path()).isEqualTo("/v1/chat/completions");
		assertThat(chat.rawQuery()).isNull();
		assertThat(chat.header("TraceParent")).isEqualTo("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
		assertThat(chat.headers()).containsKey("traceparent");
		assertThat(chat.body()).isEqualTo("{}");
		FakeProviderServer.RecordedRequest search = this.server.recentRequests().get(1);
		assertThat(search.method()).isEqualTo("GET");
		assertThat(search.path()).isEqualTo("/search");
		assertThat(search.queryParameter("q")).isEqualTo("a b");
		assertThat(search.header("x-missing")).isNull();
	}

	@Test
	void keepsOnlyTheMostRecentRequests() throws Exception {
		int sent = FakeProviderServer.MAX_RECORDED_REQUESTS + 5;
		for (int i = 0; i < sent; i++) {
			search("query " + i);
		}

		assertThat(this.server.recentRequests()).hasSize(FakeProviderServer.MAX_RECORDED_REQUESTS);
		assertThat(this.server.recentRequests().get(0).queryParameter("q")).isEqualTo("query 5");
		assertThat(this.server.recentRequests().get(FakeProviderServer.MAX_RECORDED_REQUESTS - 1).queryParameter("q"))
			.isEqualTo("query " + (sent - 1));
	}

	private HttpResponse<String> postChatCompletion(String json) throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(this.server.baseUri().resolve("/v1/chat/completions"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build());
	}

	private static List<String> events(String stream) {
		List<String> lines = stream.lines().filter((line) -> !line.isEmpty()).toList();
		assertThat(lines).allSatisfy((line) -> assertThat(line).startsWith("data: "));
		return lines.stream().map((line) -> line.substring("data: ".length())).toList();
	}

	private HttpResponse<String> search(String query) throws IOException, InterruptedException {
		URI uri = this.server.baseUri().resolve("/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
		return send(HttpRequest.newBuilder(uri).build());
	}

	private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
		return this.httpClient.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
