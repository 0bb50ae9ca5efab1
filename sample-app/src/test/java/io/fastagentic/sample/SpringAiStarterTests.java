package io.fastagentic.sample;

import java.net.http.HttpResponse;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.Span;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample, an application with the starter and Spring AI's OpenAI starter (whose
 * client brings OkHttp 4), started as a user starts it: its Spring AI calls work and
 * arrive over OTLP/HTTP as the specification's spans with typed values. The starter's
 * exporter sends with the JDK's HttpClient, so no OkHttp version clash breaks either.
 */
class SpringAiStarterTests {

	private final SampleApps apps = new SampleApps(false);

	private OtlpReceiver receiver;

	@BeforeEach
	void startReceiver() throws Exception {
		this.receiver = OtlpReceiver.start();
	}

	@AfterEach
	void stop() {
		this.apps.close();
		this.receiver.close();
	}

	@Test
	void springAiCallsWorkAndAreExportedAsLlmCallsOfTheRun() throws Exception {
		ConfigurableApplicationContext app = this.apps.start("--fastagentic.otel.endpoint=" + this.receiver.endpoint(),
				"--management.opentelemetry.tracing.export.schedule-delay=100ms");
		HttpResponse<String> response = SampleApps.chat(app, "What is OpenTelemetry?", Map.of());
		assertThat(response.statusCode()).isEqualTo(200);
		String traceId = SampleApps.traceId(response);
		OtlpReceiver.ReceivedSpan run = this.receiver
			.awaitSpan((span) -> inTrace(span, traceId) && span.span().getName().equals("agent.run /chat"));
		List<OtlpReceiver.ReceivedSpan> llmCalls = this.receiver.spans()
			.stream()
			.filter((span) -> inTrace(span, traceId) && span.span().getName().equals("llm.call gpt-4o-mini"))
			.toList();
		assertThat(llmCalls).hasSize(2).allSatisfy((llm) -> {
			assertThat(llm.span().getKind()).isEqualTo(Span.SpanKind.SPAN_KIND_CLIENT);
			assertThat(llm.span().getParentSpanId()).isEqualTo(run.span().getSpanId());
			assertThat(llm.attribute("gen_ai.provider.name")).isEqualTo("openai");
			assertThat(value(llm, "tokens.prompt").getIntValue()).isPositive();
			assertThat(value(llm, "cost").getDoubleValue()).isPositive();
		});
		assertThat(run.attribute("adapter")).isEqualTo("spring-ai");
		assertThat(value(run, "llm.calls").getIntValue()).isEqualTo(2);
		assertThat(value(run, "tokens.prompt").getIntValue())
			.isEqualTo(value(llmCalls.get(0), "tokens.prompt").getIntValue()
					+ value(llmCalls.get(1), "tokens.prompt").getIntValue());
	}

	private static boolean inTrace(OtlpReceiver.ReceivedSpan span, String traceId) {
		return traceId.equals(HexFormat.of().formatHex(span.span().getTraceId().toByteArray()));
	}

	private static AnyValue value(OtlpReceiver.ReceivedSpan span, String key) {
		return span.span()
			.getAttributesList()
			.stream()
			.filter((attribute) -> attribute.getKey().equals(key))
			.map(KeyValue::getValue)
			.findFirst()
			.orElseThrow(() -> new AssertionError("No attribute " + key + " on " + span.span().getName()));
	}

}
