package io.fastagentic.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A client of the running sample for the trace viewer's tests: chats with the agent and
 * reads the {@code traces} actuator endpoint.
 */
final class ViewerApi {

	private static final Pattern TRACE_RESPONSE = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-01");

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final JsonMapper jsonMapper = JsonMapper.builder().build();

	private final int port;

	ViewerApi(int port) {
		this.port = port;
	}

	/**
	 * A {@code POST /chat} and the ids its response names.
	 */
	Chat chat(String message) throws Exception {
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(uri("/chat"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"" + message + "\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		Matcher traceResponse = TRACE_RESPONSE.matcher(response.headers().firstValue("traceresponse").orElseThrow());
		assertThat(traceResponse.matches()).isTrue();
		return new Chat(response.statusCode(), response.headers().firstValue("X-Run-Id").orElseThrow(),
				traceResponse.group(1), traceResponse.group(2));
	}

	HttpResponse<String> get(String pathAndQuery) throws Exception {
		return this.http.send(HttpRequest.newBuilder(uri(pathAndQuery)).header("Accept", "application/json").build(),
				HttpResponse.BodyHandlers.ofString());
	}

	JsonNode json(String pathAndQuery) throws Exception {
		HttpResponse<String> response = get(pathAndQuery);
		assertThat(response.statusCode()).as("GET %s: %s", pathAndQuery, response.body()).isEqualTo(200);
		return this.jsonMapper.readTree(response.body());
	}

	/**
	 * The traces listed by {@code /actuator/traces} with the given query.
	 */
	List<JsonNode> traces(String query) throws Exception {
		List<JsonNode> traces = new ArrayList<>();
		json("/actuator/traces" + query).path("traces").forEach(traces::add);
		return traces;
	}

	/**
	 * The listed summary of a trace, once its root span has been recorded.
	 */
	JsonNode awaitListed(String traceId, String rootName) {
		return await().atMost(Duration.ofSeconds(20))
			.until(() -> traces("?traceId=" + traceId),
					(traces) -> traces.size() == 1 && traces.get(0).path("rootName").asString().equals(rootName))
			.get(0);
	}

	URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	/**
	 * What a chat response told about its run.
	 */
	record Chat(int status, String runId, String traceId, String httpSpanId) {
	}

}
