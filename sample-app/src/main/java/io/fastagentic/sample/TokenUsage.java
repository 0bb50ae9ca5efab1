package io.fastagentic.sample;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Tokens consumed by one LLM call, named as in the OpenAI API.
 *
 * @param promptTokens tokens of the conversation sent to the model
 * @param completionTokens tokens of the model's answer
 */
public record TokenUsage(@JsonProperty("prompt_tokens") int promptTokens,
		@JsonProperty("completion_tokens") int completionTokens) {

}
