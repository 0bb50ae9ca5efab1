package io.fastagentic.langchain4j;

import dev.langchain4j.model.openai.OpenAiTokenUsage;
import dev.langchain4j.model.output.TokenUsage;

import org.springframework.util.ClassUtils;

/**
 * The cached input tokens that OpenAI reports, kept apart so that its classes load only
 * when {@code langchain4j-open-ai} is present.
 *
 * @author FastAgentic
 */
final class OpenAiCachedTokens {

	static final boolean PRESENT = ClassUtils.isPresent("dev.langchain4j.model.openai.OpenAiTokenUsage",
			OpenAiCachedTokens.class.getClassLoader());

	private OpenAiCachedTokens() {
	}

	static long of(TokenUsage usage) {
		if (usage instanceof OpenAiTokenUsage openAi && openAi.inputTokensDetails() != null) {
			Integer cached = openAi.inputTokensDetails().cachedTokens();
			return (cached != null) ? cached : 0;
		}
		return 0;
	}

}
