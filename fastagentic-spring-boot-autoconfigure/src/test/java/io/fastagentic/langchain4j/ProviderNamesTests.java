package io.fastagentic.langchain4j;

import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.output.FinishReason;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the OpenTelemetry spellings of LangChain4j's providers and finish reasons.
 */
class ProviderNamesTests {

	@Test
	void providersHaveTheirOpenTelemetryNames() {
		assertThat(ProviderNames.of(ModelProvider.OPEN_AI)).isEqualTo("openai");
		assertThat(ProviderNames.of(ModelProvider.ANTHROPIC)).isEqualTo("anthropic");
		assertThat(ProviderNames.of(ModelProvider.OLLAMA)).isEqualTo("ollama");
		assertThat(ProviderNames.of(ModelProvider.AMAZON_BEDROCK)).isEqualTo("aws.bedrock");
		assertThat(ProviderNames.of(ModelProvider.GOOGLE_AI_GEMINI)).isEqualTo("gcp.gemini");
		assertThat(ProviderNames.of(ModelProvider.GOOGLE_VERTEX_AI_GEMINI)).isEqualTo("gcp.vertex_ai");
		assertThat(ProviderNames.of(ModelProvider.MISTRAL_AI)).isEqualTo("mistral_ai");
		assertThat(ProviderNames.of(null)).isEqualTo("other");
	}

	@Test
	void finishReasonsHaveTheirOpenTelemetrySpelling() {
		assertThat(TracingChatModelListener.finishReason(FinishReason.TOOL_EXECUTION)).isEqualTo("tool_calls");
		assertThat(TracingChatModelListener.finishReason(FinishReason.STOP)).isEqualTo("stop");
		assertThat(TracingChatModelListener.finishReason(FinishReason.LENGTH)).isEqualTo("length");
		assertThat(TracingChatModelListener.finishReason(FinishReason.CONTENT_FILTER)).isEqualTo("content_filter");
	}

}
