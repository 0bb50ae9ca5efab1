package io.fastagentic.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.micrometer.tracing.test.autoconfigure.AutoConfigureTracing;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thousands of random and adversarial trace headers: every request is served (as a new
 * trace or with the valid parts), never with a 5xx, and none logs an ERROR.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "fastagentic.otel.propagation.baggage-allowed-hosts=127.0.0.1")
@AutoConfigureTracing
@ExtendWith(OutputCaptureExtension.class)
class HostileHeadersTests {

	private static final String[] TRACE_HEADERS = { "traceparent", "tracestate", "b3", "X-B3-TraceId", "X-B3-SpanId",
			"X-B3-ParentSpanId", "X-B3-Sampled", "X-B3-Flags", "uber-trace-id", "uberctx-user_id", "baggage" };

	private static final String VALID_TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

	private static final String VALID_SPAN_ID = "00f067aa0ba902b7";

	private final HttpClient http = HttpClient.newHttpClient();

	private final Random random = new Random(20261124L);

	@LocalServerPort
	private int port;

	@Test
	void adversarialHeadersNeverCauseAServerErrorOrAnErrorLog(CapturedOutput output) throws Exception {
		List<List<String[]>> cases = new ArrayList<>(adversarialCases());
		for (int i = 0; i < 2000; i++) {
			cases.add(randomCase());
		}
		List<String> failures = new ArrayList<>();
		int served = 0;
		for (int i = 0; i < cases.size(); i++) {
			// Most requests go to a cheap traced route; every tenth runs the whole agent.
			HttpRequest request = request(cases.get(i), (i % 10 == 0) ? "/chat" : "/checkpoints/run-unknown");
			if (request == null) {
				continue;
			}
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			served++;
			if (response.statusCode() >= 500) {
				failures.add(response.statusCode() + " for " + describe(cases.get(i)));
			}
		}
		assertThat(served).isGreaterThan(2000);
		assertThat(failures).isEmpty();
		assertThat(output.getOut().lines().filter((line) -> line.contains(" ERROR "))).isEmpty();
		assertThat(output.getErr().lines().filter((line) -> line.contains("ERROR") || line.contains("Exception")))
			.isEmpty();
	}

	private static List<List<String[]>> adversarialCases() {
		String tooLong = "00-" + VALID_TRACE_ID + "-" + VALID_SPAN_ID + "-01" + "0".repeat(7000);
		String manyBaggageEntries = IntStream.range(0, 400)
			.mapToObj((i) -> "k" + i + "=v" + i)
			.collect(Collectors.joining(","));
		String hugeBaggage = "a=" + "x".repeat(7900) + ",b=" + "y".repeat(100);
		return List.of(List.<String[]>of(new String[] { "traceparent", tooLong }), List.<String[]>of(
				new String[] { "traceparent", "00-" + VALID_TRACE_ID.toUpperCase() + "-" + VALID_SPAN_ID + "-01" }),
				List.<String[]>of(
						new String[] { "traceparent", "00-00000000000000000000000000000000-" + VALID_SPAN_ID + "-01" }),
				List.<String[]>of(new String[] { "traceparent", "00-" + VALID_TRACE_ID + "-0000000000000000-01" }),
				List.<String[]>of(new String[] { "traceparent", "ff-" + VALID_TRACE_ID + "-" + VALID_SPAN_ID + "-01" }),
				List.<String[]>of(new String[] { "traceparent",
						"cc-" + VALID_TRACE_ID + "-" + VALID_SPAN_ID + "-01-future-extension" }),
				List.<String[]>of(new String[] { "traceparent", "00-" + VALID_TRACE_ID + "-" + VALID_SPAN_ID + "-01" },
						new String[] { "traceparent",
								"00-" + VALID_TRACE_ID.replace('4', '5') + "-" + VALID_SPAN_ID + "-01" }),
				List.<String[]>of(new String[] { "traceparent", "" }),
				List.<String[]>of(new String[] { "traceparent", "-" }),
				List.<String[]>of(new String[] { "tracestate", "=,=,,,===" + "k=v,".repeat(100) }),
				List.<String[]>of(new String[] { "b3", "garbage" }), List.<String[]>of(new String[] { "b3", "-" }),
				List.<String[]>of(new String[] { "b3", VALID_TRACE_ID + "-" + VALID_SPAN_ID + "-x-y-z" }),
				List.<String[]>of(new String[] { "X-B3-TraceId", "zz" }, new String[] { "X-B3-SpanId", VALID_SPAN_ID }),
				List.<String[]>of(new String[] { "X-B3-TraceId", VALID_TRACE_ID },
						new String[] { "X-B3-Sampled", "maybe" }),
				List.<String[]>of(new String[] { "uber-trace-id", "a:b:c" }),
				List.<String[]>of(new String[] { "uber-trace-id", "::::" }),
				List.<String[]>of(
						new String[] { "uber-trace-id", VALID_TRACE_ID + ":" + VALID_SPAN_ID + ":0:1:extra" }),
				List.<String[]>of(new String[] { "uber-trace-id", "%%%%" }, new String[] { "uberctx-x", "%zz" }),
				List.<String[]>of(new String[] { "baggage", manyBaggageEntries }),
				List.<String[]>of(new String[] { "baggage", hugeBaggage }),
				List.<String[]>of(new String[] { "baggage", "=;=;,,,%%;%" }),
				List.<String[]>of(new String[] { "baggage", "run_id=evil,user_id=admin" }),
				Stream
					.concat(Stream.<String[]>of(
							new String[] { "traceparent", "00-" + VALID_TRACE_ID + "-" + VALID_SPAN_ID + "-01" }),
							IntStream.range(0, 40).mapToObj((i) -> new String[] { "tracestate", "k" + i + "=v" }))
					.toList(),
				List.<String[]>of(new String[] { "traceparent", "00-" + VALID_TRACE_ID + "-" + VALID_SPAN_ID + "-01" },
						new String[] { "tracestate", "" }, new String[] { "tracestate", "fastagentic=b3-debug,,=" }),
				List.<String[]>of(new String[] { "b3", "0" }, new String[] { "b3", "1" }),
				List.<String[]>of(new String[] { "b3", "d" }), List.<String[]>of(new String[] { "X-B3-Flags", "1" }),
				List.<String[]>of(new String[] { "b3", VALID_TRACE_ID + "-" + VALID_SPAN_ID + "-d" },
						new String[] { "X-B3-Sampled", "0" }));
	}

	private List<String[]> randomCase() {
		List<String[]> headers = new ArrayList<>();
		int count = 1 + this.random.nextInt(4);
		for (int i = 0; i < count; i++) {
			headers.add(new String[] { TRACE_HEADERS[this.random.nextInt(TRACE_HEADERS.length)], randomValue() });
		}
		return headers;
	}

	private String randomValue() {
		return switch (this.random.nextInt(5)) {
			case 0 -> mutate("00-" + VALID_TRACE_ID + "-" + VALID_SPAN_ID + "-01");
			case 1 -> mutate(VALID_TRACE_ID + "-" + VALID_SPAN_ID + "-1-" + VALID_SPAN_ID);
			case 2 -> mutate(VALID_TRACE_ID + ":" + VALID_SPAN_ID + ":0:1");
			case 3 -> mutate("k1=v1;p=1,k2=v%202,k3");
			default -> randomText(this.random.nextInt(200));
		};
	}

	private String mutate(String value) {
		StringBuilder mutated = new StringBuilder(value);
		int mutations = 1 + this.random.nextInt(4);
		for (int i = 0; i < mutations && mutated.length() > 0; i++) {
			int at = this.random.nextInt(mutated.length());
			switch (this.random.nextInt(3)) {
				case 0 -> mutated.deleteCharAt(at);
				case 1 -> mutated.insert(at, randomText(1 + this.random.nextInt(3)));
				default -> mutated.setCharAt(at, randomText(1).charAt(0));
			}
		}
		return mutated.toString();
	}

	private String randomText(int length) {
		String alphabet = "0123456789abcdefABCDEFxyz-_:;,=%./ +*!@#$^&()[]{}|~'\"\\";
		StringBuilder text = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			text.append(alphabet.charAt(this.random.nextInt(alphabet.length())));
		}
		return text.toString();
	}

	private HttpRequest request(List<String[]> headers, String path) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
		if (path.equals("/chat")) {
			builder.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"hostile\"}"));
		}
		try {
			headers.forEach((header) -> builder.header(header[0], header[1]));
			return builder.build();
		}
		catch (IllegalArgumentException ex) {
			// The client itself refuses a few values (empty names, illegal characters).
			return null;
		}
	}

	private static String describe(List<String[]> headers) {
		return headers.stream().map((header) -> header[0] + ": " + header[1]).collect(Collectors.joining(" | "));
	}

}
