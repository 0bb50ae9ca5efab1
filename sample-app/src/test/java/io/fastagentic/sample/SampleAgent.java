package io.fastagentic.sample;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample application started as a user starts it (command-line arguments only), for
 * the end-to-end tests: sends a chat and reads the trace id the answer carries.
 */
final class SampleAgent implements AutoCloseable {

	private static final Pattern TRACE_RESPONSE = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-01");

	private final SampleApps apps = new SampleApps(false);

	private final ConfigurableApplicationContext context;

	private SampleAgent(String... arguments) {
		this.context = this.apps.start(arguments);
	}

	/**
	 * Starts the application on a random port.
	 * @param arguments further command-line arguments
	 */
	static SampleAgent start(String... arguments) {
		return new SampleAgent(arguments);
	}

	/**
	 * Sends {@code POST /chat} and answers the ids of its {@code traceresponse} header.
	 */
	TraceResponse chat() throws Exception {
		HttpResponse<String> response = SampleApps.chat(this.context, "What is OpenTelemetry?", Map.of());
		assertThat(response.statusCode()).as("status of POST /chat: %s", response.body()).isEqualTo(200);
		String header = response.headers().firstValue("traceresponse").orElse("");
		Matcher matcher = TRACE_RESPONSE.matcher(header);
		assertThat(matcher.matches()).as("traceresponse header '%s'", header).isTrue();
		return new TraceResponse(matcher.group(1), matcher.group(2));
	}

	@Override
	public void close() {
		this.apps.close();
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
