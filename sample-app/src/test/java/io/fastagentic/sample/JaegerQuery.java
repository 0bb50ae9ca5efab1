package io.fastagentic.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;

/**
 * Jaeger's HTTP query API ({@code /api/traces/{traceId}}, the one its UI uses).
 */
final class JaegerQuery {

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	private final String baseUrl;

	/**
	 * @param baseUrl the query service, {@code http://host:16686}
	 */
	JaegerQuery(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	/**
	 * The spans Jaeger has of a trace so far; none while it answers that the trace is not
	 * found.
	 */
	List<CollectedSpan> trace(String traceId) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.baseUrl + "/api/traces/" + traceId)).GET().build();
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			return List.of();
		}
		return CollectedSpan.fromJaeger(this.json.readTree(response.body()));
	}

}
