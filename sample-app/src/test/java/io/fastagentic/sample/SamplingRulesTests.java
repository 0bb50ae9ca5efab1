package io.fastagentic.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.fastagentic.sampling.SamplingMonitor;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sampling rules on the sample agent: at rate 0 a failed or slow request still
 * exports its whole trace, an ordinary one exports nothing, and an incoming sampling
 * decision is honoured.
 */
class SamplingRulesTests {

	private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

	private final HttpClient http = HttpClient.newHttpClient();

	private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

	@AfterEach
	void stop() {
		this.contexts.forEach(ConfigurableApplicationContext::close);
	}

	@Test
	void failedRequestExportsItsWholeTraceAndAnOrdinaryOneNothing() throws Exception {
		ConfigurableApplicationContext context = start("--fastagentic.otel.sample-rate=0",
				"--fastagentic.otel.sample-errors=true");
		HttpResponse<String> failed = chat(context, "Please [fail] now", Map.of());
		assertThat(failed.statusCode()).isEqualTo(502);
		String failedTrace = traceId(failed);
		List<SpanData> trace = spans(context).awaitTrace(failedTrace, "HTTP POST /chat");
		assertThat(ExportedSpans.names(trace)).contains("HTTP POST /chat", "auth.validate", "policy.check",
				"agent.run /chat", "tool.call search", "llm.call gpt-4o-mini", "checkpoint.write",
				"INSERT agent_checkpoint", "http get", "http post");
		assertComplete(trace);
		assertThat(context.getBean(SamplingMonitor.class).kept("error")).isEqualTo(1);

		long discarded = context.getBean(SamplingMonitor.class).discarded();
		HttpResponse<String> ordinary = chat(context, "An ordinary question", Map.of());
		assertThat(ordinary.statusCode()).isEqualTo(200);
		assertNothingExported(context, traceId(ordinary), discarded + 1);
	}

	@Test
	void slowRequestExportsItsWholeTrace() throws Exception {
		ConfigurableApplicationContext context = start("--fastagentic.otel.sample-rate=0",
				"--fastagentic.otel.sample-slow-threshold=1ms");
		HttpResponse<String> response = chat(context, "Anything takes more than a millisecond", Map.of());
		List<SpanData> trace = spans(context).awaitTrace(traceId(response), "HTTP POST /chat");
		assertThat(ExportedSpans.names(trace)).contains("agent.run /chat", "llm.call gpt-4o-mini");
		assertComplete(trace);
		assertThat(context.getBean(SamplingMonitor.class).kept("slow")).isEqualTo(1);
	}

	@Test
	void requestBelowTheThresholdExportsNothing() throws Exception {
		ConfigurableApplicationContext context = start("--fastagentic.otel.sample-rate=0",
				"--fastagentic.otel.sample-slow-threshold=3600000");
		long discarded = context.getBean(SamplingMonitor.class).discarded();
		HttpResponse<String> response = chat(context, "Nothing takes an hour", Map.of());
		assertNothingExported(context, traceId(response), discarded + 1);
	}

	@Test
	void incomingSampledTraceIsKeptAtRateZero() throws Exception {
		ConfigurableApplicationContext context = start("--fastagentic.otel.sample-rate=0",
				"--fastagentic.otel.sample-errors=true");
		chat(context, "Sampled upstream", Map.of("traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01"));
		assertComplete(spans(context).awaitTrace(TRACE_ID, "HTTP POST /chat"));
	}

	private static void assertComplete(List<SpanData> trace) {
		Set<String> ids = trace.stream().map(SpanData::getSpanId).collect(Collectors.toSet());
		assertThat(trace).filteredOn((span) -> !span.getName().equals("HTTP POST /chat"))
			.allSatisfy((span) -> assertThat(ids).as("parent of %s", span.getName()).contains(span.getParentSpanId()));
	}

	private static void assertNothingExported(ConfigurableApplicationContext context, String traceId, long discarded) {
		SamplingMonitor monitor = context.getBean(SamplingMonitor.class);
		await().until(() -> monitor.discarded() >= discarded);
		context.getBean(SdkTracerProvider.class).forceFlush().join(10, TimeUnit.SECONDS);
		assertThat(spans(context).trace(traceId)).isEmpty();
	}

	private ConfigurableApplicationContext start(String... args) {
		Map<String, String> arguments = new LinkedHashMap<>();
		Stream.concat(Stream.of("--server.port=0", "--management.opentelemetry.tracing.export.schedule-delay=10ms",
				"--spring.datasource.url=jdbc:h2:mem:sampling-" + this.contexts.size() + ";DB_CLOSE_DELAY=-1"),
				Stream.of(args))
			.forEach((argument) -> arguments.put(argument.substring(0, argument.indexOf('=')), argument));
		ConfigurableApplicationContext context = new SpringApplicationBuilder(SampleAgentApplication.class,
				ExportedSpans.Configuration.class)
			.run(arguments.values().toArray(String[]::new));
		this.contexts.add(context);
		return context;
	}

	private static ExportedSpans spans(ConfigurableApplicationContext context) {
		return new ExportedSpans(context.getBean(InMemorySpanExporter.class));
	}

	private HttpResponse<String> chat(ConfigurableApplicationContext context, String message,
			Map<String, String> headers) throws Exception {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create(
					"http://localhost:" + context.getEnvironment().getProperty("local.server.port") + "/chat"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"" + message + "\"}"));
		headers.forEach(request::header);
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String traceId(HttpResponse<?> response) {
		return response.headers().firstValue("traceresponse").orElseThrow().substring(3, 35);
	}

}
