package io.fastagentic.search;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The search service over real HTTP, its spans read back from an in-memory exporter in
 * Spring Boot's export pipeline: a caller's trace is continued, and the markers make a
 * query fail (an ERROR server span) or slow.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "management.opentelemetry.tracing.export.schedule-delay=10ms", "search.slow-delay=300ms" })
class SearchServiceTests {

	private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

	private static final String PARENT_SPAN_ID = "00f067aa0ba902b7";

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	InMemorySpanExporter exporter;

	@BeforeEach
	void clearSpans() {
		this.exporter.reset();
	}

	@Test
	void answersThreeResultsInTheCallersTrace() throws Exception {
		HttpResponse<String> response = search("What%20is%20OpenTelemetry%3F");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).startsWith("{\"query\":\"What is OpenTelemetry?\",\"results\":[{\"title\":")
			.contains("\"url\":\"https://docs.example.com/what-is-opentelemetry-\"");
		SpanData server = awaitServerSpan();
		assertThat(server.getTraceId()).isEqualTo(TRACE_ID);
		assertThat(server.getParentSpanId()).isEqualTo(PARENT_SPAN_ID);
		assertThat(server.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
	}

	@Test
	void queryWithFailMarkerIsAnswered500WithAnErrorServerSpan() throws Exception {
		HttpResponse<String> response = search("OpenTelemetry%20%5Bfail%5D");
		assertThat(response.statusCode()).isEqualTo(500);
		SpanData server = awaitServerSpan();
		assertThat(server.getTraceId()).isEqualTo(TRACE_ID);
		assertThat(server.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
	}

	@Test
	void queryWithSlowMarkerIsAnsweredAfterTheSlowDelay() throws Exception {
		HttpResponse<String> response = search("OpenTelemetry%20%5Bslow%5D");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"title\":\"OpenTelemetry documentation\"");
		SpanData server = awaitServerSpan();
		assertThat(Duration.ofNanos(server.getEndEpochNanos() - server.getStartEpochNanos()))
			.isGreaterThanOrEqualTo(Duration.ofMillis(300));
	}

	private HttpResponse<String> search(String encodedQuery) throws Exception {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/search?q=" + encodedQuery))
			.header("traceparent", "00-" + TRACE_ID + "-" + PARENT_SPAN_ID + "-01")
			.build();
		return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private SpanData awaitServerSpan() {
		List<SpanData> servers = await().atMost(10, TimeUnit.SECONDS)
			.until(() -> this.exporter.getFinishedSpanItems()
				.stream()
				.filter((span) -> span.getName().equals("HTTP GET /search"))
				.toList(), (spans) -> !spans.isEmpty());
		assertThat(servers).hasSize(1);
		return servers.get(0);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Spans {

		@Bean
		InMemorySpanExporter inMemorySpanExporter() {
			return InMemorySpanExporter.create();
		}

	}

}
