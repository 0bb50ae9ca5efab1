package io.fastagentic.sample;

import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.Span;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.model.ChatModel;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application with the starter and Spring AI's OpenAI starter (whose client brings
 * OkHttp 4) starts, its LLM calls work, and its spans are exported over OTLP/HTTP: the
 * starter's exporter sends with the JDK's HttpClient, so no OkHttp version clash breaks
 * either.
 */
class SpringAiStarterTests {

	private final SampleApps apps = new SampleApps(false);

	private final FakeProviderServer provider = new FakeProviderServer();

	private OtlpReceiver receiver;

	@BeforeEach
	void start() throws Exception {
		this.receiver = OtlpReceiver.start();
		this.provider.start();
	}

	@AfterEach
	void stop() {
		this.apps.close();
		this.provider.stop();
		this.receiver.close();
	}

	@Test
	void springAiCallsWorkAndAreExportedAsLlmCalls() {
		String providerUrl = this.provider.baseUri() + "/v1";
		ConfigurableApplicationContext app = this.apps.start("--fastagentic.otel.endpoint=" + this.receiver.endpoint(),
				"--spring.ai.openai.base-url=" + providerUrl, "--spring.ai.openai.api-key=test-key",
				"--spring.ai.openai.chat.model=gpt-4o-mini", "--sample.provider.base-url=" + this.provider.baseUri());
		String answer = app.getBean(ChatModel.class).call("What is OpenTelemetry?");
		assertThat(answer).isNotBlank();
		OtlpReceiver.ReceivedSpan llm = this.receiver
			.awaitSpan((span) -> span.span().getName().equals("llm.call gpt-4o-mini"));
		assertThat(llm.span().getKind()).isEqualTo(Span.SpanKind.SPAN_KIND_CLIENT);
		assertThat(llm.attribute("gen_ai.provider.name")).isEqualTo("openai");
		assertThat(value(llm, "tokens.prompt").getValue().getIntValue()).isPositive();
		assertThat(value(llm, "cost").getValue().getDoubleValue()).isPositive();
	}

	private static KeyValue value(OtlpReceiver.ReceivedSpan span, String key) {
		return span.span()
			.getAttributesList()
			.stream()
			.filter((attribute) -> attribute.getKey().equals(key))
			.findFirst()
			.orElseThrow();
	}

}
