package io.fastagentic.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the sample agent as a user starts it (command-line arguments, a real port) and
 * talks to it; closes every application it started.
 */
final class SampleApps implements AutoCloseable {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private final boolean inMemorySpans;

	private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

	/**
	 * @param inMemorySpans whether the applications also export to an in-memory exporter
	 * that {@link #spans(ConfigurableApplicationContext)} reads
	 */
	SampleApps(boolean inMemorySpans) {
		this.inMemorySpans = inMemorySpans;
	}

	/**
	 * Start an application on a random port with its own database; an argument given here
	 * replaces a default of the same name.
	 */
	ConfigurableApplicationContext start(String... args) {
		Map<String, String> arguments = new LinkedHashMap<>();
		Stream
			.concat(Stream.of("--server.port=0", "--management.opentelemetry.tracing.export.schedule-delay=10ms",
					"--spring.datasource.url=jdbc:h2:mem:app-" + System.identityHashCode(this) + "-"
							+ this.contexts.size() + ";DB_CLOSE_DELAY=-1"),
					Stream.of(args))
			.forEach((argument) -> arguments.put(argument.substring(0, argument.indexOf('=')), argument));
		SpringApplicationBuilder builder = this.inMemorySpans
				? new SpringApplicationBuilder(SampleAgentApplication.class, ExportedSpans.Configuration.class)
				: new SpringApplicationBuilder(SampleAgentApplication.class);
		ConfigurableApplicationContext context = builder.run(arguments.values().toArray(String[]::new));
		this.contexts.add(context);
		return context;
	}

	static ExportedSpans spans(ConfigurableApplicationContext context) {
		return new ExportedSpans(context.getBean(InMemorySpanExporter.class));
	}

	static HttpResponse<String> chat(ConfigurableApplicationContext context, String message,
			Map<String, String> headers) throws Exception {
		return chat(context, message, List.copyOf(headers.entrySet()));
	}

	/**
	 * Chat with headers that may repeat, sent in the order given.
	 */
	static HttpResponse<String> chat(ConfigurableApplicationContext context, String message,
			List<Map.Entry<String, String>> headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(context, "/chat"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"" + message + "\"}"));
		headers.forEach((header) -> request.header(header.getKey(), header.getValue()));
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	static HttpResponse<String> get(ConfigurableApplicationContext context, String path) throws Exception {
		return HTTP.send(HttpRequest.newBuilder(uri(context, path)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	static URI uri(ConfigurableApplicationContext context, String path) {
		return URI.create("http://localhost:" + context.getEnvironment().getProperty("local.server.port") + path);
	}

	/**
	 * The trace id of the response's W3C {@code traceresponse} header.
	 */
	static String traceId(HttpResponse<?> response) {
		return response.headers().firstValue("traceresponse").orElseThrow().substring(3, 35);
	}

	@Override
	public void close() {
		this.contexts.forEach(ConfigurableApplicationContext::close);
	}

}
