package io.fastagentic.sample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of the sample's HTTP API against the running application, with the in-process
 * {@link FakeProviderServer} as LLM provider and search tool.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class AgentHttpApiTests {

	@LocalServerPort
	private int port;

	@Autowired
	private FakeProviderServer provider;

	private final HttpClient httpClient = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final JsonMapper jsonMapper = JsonMapper.builder().build();

	@Test
	void chatAnswersWithRunIdModelProviderUsageAndSearchSources() throws Exception {
		String message = uniqueMessage("What is distributed tracing?");

		HttpResponse<String> response = post("/chat", chatRequest(message, null), "application/json");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((contentType) -> assertThat(contentType).startsWith("application/json"));
		JsonNode run = this.jsonMapper.readTree(response.body());
		assertThat(run.path("run_id").asString()).startsWith("run-");
		assertThat(run.path("model").asString()).isEqualTo("gpt-4o-mini");
		List<String> sources = strings(run.path("sources"));
		assertThat(sources).hasSize(3)
			.allSatisfy((source) -> assertThat(source).matches("https://example\\.(com|org|net)/.+"));
		String answer = run.path("answer").asString();
		assertThat(answer).contains(message).contains(sources);
		// The usage of the run's two LLM calls, summed: the tool round and the answer.
		int expectedPromptTokens = 0;
		for (FakeProviderServer.RecordedRequest llmRequest : llmRequestsFor(message)) {
			for (JsonNode sentMessage : this.jsonMapper.readTree(llmRequest.body()).path("messages")) {
				expectedPromptTokens += FakeLanguageModel.countTokens(sentMessage.path("content").asString(null));
			}
		}
		String searchArguments = this.jsonMapper.writeValueAsString(Map.of("query", message));
		assertThat(run.path("usage").path("prompt_tokens").asInt()).isEqualTo(expectedPromptTokens);
		assertThat(run.path("usage").path("completion_tokens").asInt())
			.isEqualTo(FakeLanguageModel.countTokens(searchArguments) + FakeLanguageModel.countTokens(answer));
	}

	@Test
	void theModelCallsTheSearchToolBetweenItsTwoRoundsOverHttp() throws Exception {
		String message = uniqueMessage("How do span links work?");

		post("/chat", chatRequest(message, null), "application/json");

		List<FakeProviderServer.RecordedRequest> requests = this.provider.recentRequests();
		List<FakeProviderServer.RecordedRequest> llmRequests = llmRequestsFor(message);
		FakeProviderServer.RecordedRequest search = searchRequestFor(message);
		assertThat(llmRequests).hasSize(2);
		assertThat(requests.indexOf(llmRequests.get(0))).isLessThan(requests.indexOf(search));
		assertThat(requests.indexOf(search)).isLessThan(requests.indexOf(llmRequests.get(1)));
		assertThat(search.method()).isEqualTo("GET");
		JsonNode toolRound = this.jsonMapper.readTree(llmRequests.get(0).body());
		assertThat(llmRequests.get(0).method()).isEqualTo("POST");
		assertThat(llmRequests.get(0).header("Content-Type")).startsWith("application/json");
		assertThat(toolRound.path("model").asString()).isEqualTo("gpt-4o-mini");
		assertThat(toolRound.path("tools").findValuesAsString("name")).contains("search");
		assertThat(toolRound.path("messages").findValuesAsString("role")).containsExactly("system", "user");
		assertThat(toolRound.path("messages").path(1).path("content").asString()).isEqualTo(message);
		JsonNode messages = this.jsonMapper.readTree(llmRequests.get(1).body()).path("messages");
		assertThat(messages.findValuesAsString("role")).containsExactly("system", "user", "assistant", "tool");
		JsonNode toolCall = messages.path(2).path("tool_calls").path(0);
		assertThat(toolCall.path("function").path("name").asString()).isEqualTo("search");
		assertThat(messages.path(3).path("tool_call_id").asString()).isEqualTo(toolCall.path("id").asString());
		JsonNode toolResult = this.jsonMapper.readTree(messages.path(3).path("content").asString());
		assertThat(toolResult.path("query").asString()).isEqualTo(message);
		assertThat(toolResult.path("results")).hasSize(3);
	}

	@Test
	void chatCheckpointsTheSearchAndAnswerStepsOfTheRun() throws Exception {
		String message = uniqueMessage("Why checkpoint agent runs?");
		JsonNode run = this.jsonMapper
			.readTree(post("/chat", chatRequest(message, "session-42"), "application/json").body());
		String runId = run.path("run_id").asString();

		HttpResponse<String> response = get("/checkpoints/" + runId);

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode checkpoints = this.jsonMapper.readTree(response.body());
		assertThat(checkpoints.findValuesAsString("step")).containsExactly("search", "answer");
		assertThat(checkpoints.findValuesAsString("run_id")).containsOnly(runId);
		assertThat(checkpoints.findValuesAsString("session_id")).containsOnly("session-42");
		assertThat(checkpoints.path(0).path("state").path("results")).hasSize(3);
		assertThat(checkpoints.path(1).path("state").path("answer").asString())
			.isEqualTo(run.path("answer").asString());
		assertThat(checkpoints.path(0).path("created_at").asString()).isNotBlank();
	}

	@Test
	void chatStreamSendsTheAnswerAsTokenEventsThenADoneEventWithTheRunsUsage() throws Exception {
		String message = uniqueMessage("What is baggage propagation?");
		JsonNode run = this.jsonMapper.readTree(post("/chat", chatRequest(message, null), "application/json").body());

		HttpResponse<String> response = post("/chat/stream", chatRequest(message, null), "text/event-stream");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((contentType) -> assertThat(contentType).startsWith("text/event-stream"));
		List<ServerSentEvent> events = ServerSentEvent.parse(response.body());
		assertThat(events).hasSizeGreaterThan(2);
		List<ServerSentEvent> tokens = events.subList(0, events.size() - 1);
		assertThat(tokens).extracting(ServerSentEvent::name).containsOnly("token");
		assertThat(tokens.stream().map(ServerSentEvent::data).collect(Collectors.joining()))
			.isEqualTo(run.path("answer").asString());
		ServerSentEvent done = events.get(events.size() - 1);
		assertThat(done.name()).isEqualTo("done");
		JsonNode summary = this.jsonMapper.readTree(done.data());
		assertThat(summary.path("run_id").asString()).startsWith("run-").isNotEqualTo(run.path("run_id").asString());
		assertThat(summary.path("model").asString()).isEqualTo("gpt-4o-mini");
		assertThat(summary.path("usage")).isEqualTo(run.path("usage"));
		assertThat(summary.path("sources")).isEqualTo(run.path("sources"));
		JsonNode checkpoints = this.jsonMapper
			.readTree(get("/checkpoints/" + summary.path("run_id").asString()).body());
		assertThat(checkpoints.findValuesAsString("step")).containsExactly("search", "answer");
	}

	@Test
	void chatStreamReportsAProviderFailureAsAnErrorEvent() throws Exception {
		HttpResponse<String> response = post("/chat/stream", chatRequest(uniqueMessage("Break [fail] please"), null),
				"text/event-stream");

		assertThat(response.statusCode()).isEqualTo(200);
		List<ServerSentEvent> events = ServerSentEvent.parse(response.body());
		assertThat(events).extracting(ServerSentEvent::name).containsExactly("error");
		JsonNode problem = this.jsonMapper.readTree(events.get(0).data());
		assertThat(problem.path("status").asInt()).isEqualTo(502);
		assertThat(problem.path("dependency").asString()).isEqualTo("llm");
		assertThat(problem.path("run_id").asString()).startsWith("run-");
	}

	@Test
	void providerFailureIsReportedAsBadGatewayProblemWithoutStackTrace() throws Exception {
		HttpResponse<String> response = post("/chat", chatRequest(uniqueMessage("Break [fail] please"), null),
				"application/json");

		assertThat(response.statusCode()).isEqualTo(502);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
		JsonNode problem = this.jsonMapper.readTree(response.body());
		assertThat(problem.path("status").asInt()).isEqualTo(502);
		assertThat(problem.path("title").asString()).isEqualTo("Agent dependency failed");
		assertThat(problem.path("detail").asString()).isEqualTo("The llm service answered HTTP 500");
		assertThat(problem.path("instance").asString()).isEqualTo("/chat");
		assertThat(problem.path("dependency").asString()).isEqualTo("llm");
		String runId = problem.path("run_id").asString();
		JsonNode checkpoints = this.jsonMapper.readTree(get("/checkpoints/" + runId).body());
		assertThat(checkpoints.findValuesAsString("step")).containsExactly("search");
	}

	@Test
	void blankMessageIsRejectedAsBadRequestProblem() throws Exception {
		HttpResponse<String> response = post("/chat", chatRequest(" \t ", null), "application/json");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		JsonNode problem = this.jsonMapper.readTree(response.body());
		assertThat(problem.path("status").asInt()).isEqualTo(400);
		assertThat(problem.path("detail").asString()).isEqualTo("'message' must not be blank");
	}

	@Test
	void messageLongerThanTheLimitIsRejectedBeforeTheAgentRuns() throws Exception {
		String megabyte = uniqueMessage("x".repeat(1024 * 1024));

		HttpResponse<String> response = post("/chat", chatRequest(megabyte, null), "application/json");
		HttpResponse<String> streamed = post("/chat/stream", chatRequest(megabyte, null), "text/event-stream");

		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		JsonNode problem = this.jsonMapper.readTree(response.body());
		assertThat(problem.path("status").asInt()).isEqualTo(413);
		assertThat(problem.path("detail").asString())
			.isEqualTo("'message' must be at most 16000 characters (sample.chat.max-message-length), was "
					+ megabyte.length());
		assertThat(streamed.statusCode()).isEqualTo(413);
		assertThat(llmRequestsFor(megabyte)).isEmpty();
	}

	@Test
	void missingMessageIsRejectedAsBadRequest() throws Exception {
		assertThat(post("/chat", "{}", "application/json").statusCode()).isEqualTo(400);
		assertThat(post("/chat/stream", "{}", "text/event-stream").statusCode()).isEqualTo(400);
	}

	@Test
	void checkpointsOfAnUnknownRunAreNotFound() throws Exception {
		HttpResponse<String> response = get("/checkpoints/run-unknown");

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
	}

	private FakeProviderServer.RecordedRequest searchRequestFor(String message) {
		return this.provider.recentRequests()
			.stream()
			.filter((request) -> request.path().equals("/search") && message.equals(request.queryParameter("q")))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No search request for " + message));
	}

	private List<FakeProviderServer.RecordedRequest> llmRequestsFor(String message) {
		return this.provider.recentRequests()
			.stream()
			.filter((request) -> request.path().equals("/v1/chat/completions") && request.body().contains(message))
			.toList();
	}

	// Unique, so that a test finds its own requests among those the shared provider saw.
	private static String uniqueMessage(String question) {
		return question + " ref-" + UUID.randomUUID();
	}

	private String chatRequest(String message, @Nullable String sessionId) {
		var request = this.jsonMapper.createObjectNode().put("message", message);
		if (sessionId != null) {
			request.put("session_id", sessionId);
		}
		return this.jsonMapper.writeValueAsString(request);
	}

	private static List<String> strings(JsonNode array) {
		List<String> strings = new ArrayList<>();
		array.forEach((element) -> strings.add(element.asString()));
		return strings;
	}

	private HttpResponse<String> post(String path, String json, String accept)
			throws IOException, InterruptedException {
		return this.httpClient.send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.header("Accept", accept)
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.httpClient.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	/**
	 * A server-sent event.
	 */
	private record ServerSentEvent(@Nullable String name, String data) {

		static List<ServerSentEvent> parse(String stream) {
			List<ServerSentEvent> events = new ArrayList<>();
			for (String block : stream.split("\\r?\\n\\r?\\n")) {
				String name = null;
				List<String> data = new ArrayList<>();
				for (String line : block.split("\\r?\\n")) {
					if (line.startsWith("event:")) {
						name = line.substring("event:".length()).strip();
					}
					else if (line.startsWith("data:")) {
						String value = line.substring("data:".length());
						data.add(value.startsWith(" ") ? value.substring(1) : value);
					}
				}
				if (name != null || !data.isEmpty()) {
					events.add(new ServerSentEvent(name, String.join("\n", data)));
				}
			}
			return events;
		}

	}

}
