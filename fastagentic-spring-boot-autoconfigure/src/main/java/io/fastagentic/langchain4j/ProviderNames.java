package io.fastagentic.langchain4j;

import java.util.Locale;

import dev.langchain4j.model.ModelProvider;
import org.jspecify.annotations.Nullable;

/**
 * The OpenTelemetry {@code gen_ai.provider.name} of a LangChain4j model provider.
 *
 * @author FastAgentic
 */
final class ProviderNames {

	private ProviderNames() {
	}

	static String of(@Nullable ModelProvider provider) {
		if (provider == null) {
			return "other";
		}
		return switch (provider) {
			case OPEN_AI -> "openai";
			case AZURE_OPEN_AI -> "azure.ai.openai";
			case MICROSOFT_FOUNDRY -> "azure.ai.inference";
			case AMAZON_BEDROCK -> "aws.bedrock";
			case GOOGLE_AI_GEMINI -> "gcp.gemini";
			case GOOGLE_GENAI -> "gcp.gen_ai";
			case GOOGLE_VERTEX_AI_GEMINI, GOOGLE_VERTEX_AI_ANTHROPIC -> "gcp.vertex_ai";
			case MISTRAL_AI -> "mistral_ai";
			case WATSONX -> "ibm.watsonx.ai";
			default -> provider.name().toLowerCase(Locale.ROOT);
		};
	}

}
