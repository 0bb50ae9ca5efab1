package io.fastagentic.sample;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.fastagentic.sampling.SamplingMonitor;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;

import static io.fastagentic.sample.SampleApps.chat;
import static io.fastagentic.sample.SampleApps.spans;
import static io.fastagentic.sample.SampleApps.traceId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sampling rules on the sample agent: at rate 0 a failed or slow request still
 * exports its whole trace, an ordinary one exports nothing, and an incoming sampling
 * decision is honoured.
 */
class SamplingRulesTests {

	private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

	private final SampleApps apps = new SampleApps(true);

	@AfterEach
	void stop() {
		this.apps.close();
	}

	@Test
	void failedRequestExportsItsWholeTraceAndAnOrdinaryOneNothing() throws Exception {
		ConfigurableApplicationContext context = this.apps.start("--fastagentic.otel.sample-rate=0",
				"--fastagentic.otel.sample-errors=true");
		HttpResponse<String> failed = chat(context, "Please [fail] now", Map.of());
		assertThat(failed.statusCode()).isEqualTo(502);
		String failedTrace = traceId(failed);
		List<SpanData> trace = spans(context).awaitTrace(failedTrace, "HTTP POST /chat");
		assertThat(ExportedSpans.names(trace)).contains("HTTP POST /chat", "auth.validate", "policy.check",
				"agent.run /chat", "tool.call search", "llm.call gpt-4o-mini", "checkpoint.write",
				"INSERT agent_checkpoint", "http get", "POST");
		assertComplete(trace);
		assertThat(context.getBean(SamplingMonitor.class).kept("error")).isEqualTo(1);

		long discarded = context.getBean(SamplingMonitor.class).discarded();
		HttpResponse<String> ordinary = chat(context, "An ordinary question", Map.of());
		assertThat(ordinary.statusCode()).isEqualTo(200);
		assertNothingExported(context, traceId(ordinary), discarded + 1);
	}

	@Test
	void slowRequestExportsItsWholeTrace() throws Exception {
		ConfigurableApplicationContext context = this.apps.start("--fastagentic.otel.sample-rate=0",
				"--fastagentic.otel.sample-slow-threshold=1ms");
		HttpResponse<String> response = chat(context, "Anything takes more than a millisecond", Map.of());
		List<SpanData> trace = spans(context).awaitTrace(traceId(response), "HTTP POST /chat");
		assertThat(ExportedSpans.names(trace)).contains("agent.run /chat", "llm.call gpt-4o-mini");
		assertComplete(trace);
		assertThat(context.getBean(SamplingMonitor.class).kept("slow")).isEqualTo(1);
	}

	/**
	 * The spans recorded for the rules get their attributes only if the trace is kept:
	 * then they carry the same keys, with the same types, as a sampled trace's.
	 */
	@Test
	void keptTraceHasTheAttributesOfASampledTrace() throws Exception {
		ConfigurableApplicationContext sampled = this.apps.start();
		Map<String, Set<String>> sampledKeys = attributeKeys(
				spans(sampled).awaitTrace(traceId(chat(sampled, "What is tracing?", Map.of())), "HTTP POST /chat"));
		ConfigurableApplicationContext rules = this.apps.start("--fastagentic.otel.sample-rate=0",
				"--fastagentic.otel.sample-slow-threshold=1ms");
		List<SpanData> kept = spans(rules).awaitTrace(traceId(chat(rules, "What is tracing?", Map.of())),
				"HTTP POST /chat");
		assertThat(attributeKeys(kept)).isEqualTo(sampledKeys);
		SpanData root = kept.stream().filter((span) -> span.getName().equals("HTTP POST /chat")).findFirst().get();
		assertThat(root.getAttributes().get(AttributeKey.longKey("http.response.status_code"))).isEqualTo(200L);
		assertThat(root.getTotalAttributeCount()).isEqualTo(root.getAttributes().size());
	}

	/**
	 * The attribute keys of each span name, with their types.
	 */
	private static Map<String, Set<String>> attributeKeys(List<SpanData> trace) {
		return trace.stream()
			.collect(Collectors.groupingBy(SpanData::getName, java.util.TreeMap::new,
					Collectors.flatMapping(
							(span) -> span.getAttributes()
								.asMap()
								.keySet()
								.stream()
								.map((key) -> key.getKey() + ":" + key.getType()),
							Collectors.toCollection(java.util.TreeSet::new))));
	}

	@Test
	void requestBelowTheThresholdExportsNothing() throws Exception {
		ConfigurableApplicationContext context = this.apps.start("--fastagentic.otel.sample-rate=0",
				"--fastagentic.otel.sample-slow-threshold=3600000");
		long discarded = context.getBean(SamplingMonitor.class).discarded();
		HttpResponse<String> response = chat(context, "Nothing takes an hour", Map.of());
		assertNothingExported(context, traceId(response), discarded + 1);
	}

	@Test
	void incomingSampledTraceIsKeptAtRateZero() throws Exception {
		ConfigurableApplicationContext context = this.apps.start("--fastagentic.otel.sample-rate=0",
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

}
