package io.fastagentic.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample application started as a user starts it (command-line arguments only), for
 * the end-to-end tests: sends a chat and reads the trace id the answer carries.
 */
final class SampleAgent implements AutoCloseable {

	private static final Pattern TRACE_RESPONSE = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-01");

	private final HttpClient http = HttpClient.newHttpClient();

	private final ConfigurableApplicationContext context;

	private SampleAgent(ConfigurableApplicationContext context) {
		this.context = context;
	}

	/**
	 * Starts the application on a random port, exporting every 100 ms.
	 * @param arguments further command-line arguments
	 */
	static SampleAgent start(String... arguments) {
		List<String> args = new ArrayList<>(
				List.of("--server.port=0", "--management.opentelemetry.tracing.export.schedule-delay=100ms"));
		args.addAll(List.of(arguments));
		return new SampleAgent(
				new SpringApplicationBuilder(SampleAgentApplication.class).run(args.toArray(String[]::new)));
	}

	/**
	 * Sends {@code POST /chat} and answers the ids of its {@code traceresponse} header.
	 */
	TraceResponse chat() throws Exception {
		String port = this.context.getEnvironment().getProperty("local.server.port");
		URI uri = URI.create("http://127.0.0.1:" + port + "/chat");
		HttpRequest request = HttpRequest.newBuilder(uri)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"What is OpenTelemetry?\"}"))
			.build();
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as("status of POST /chat: %s", response.body()).isEqualTo(200);
		String header = response.headers().firstValue("traceresponse").orElse("");
		Matcher matcher = TRACE_RESPONSE.matcher(header);
		assertThat(matcher.matches()).as("traceresponse header '%s'", header).isTrue();
		return new TraceResponse(matcher.group(1), matcher.group(2));
	}

	@Override
	public void close() {
		this.context.close();
	}

	/**
	 * The ids of a {@code traceresponse} header.
	 *
	 * @param traceId the trace id
	 * @param spanId the span id of the HTTP server span
	 */
	record TraceResponse(String traceId, String spanId) {
	}

}
