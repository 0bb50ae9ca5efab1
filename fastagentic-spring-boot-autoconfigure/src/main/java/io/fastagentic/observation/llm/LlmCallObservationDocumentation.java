package io.fastagentic.observation.llm;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * The {@code llm.call} observation: one request to an LLM provider, a CLIENT span.
 *
 * @author FastAgentic
 */
public enum LlmCallObservationDocumentation implements ObservationDocumentation {

	/**
	 * One chat completion, from the request to the last token of the answer.
	 */
	LLM_CALL {
		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultLlmCallObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return LowCardinalityKeyNames.values();
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return HighCardinalityKeyNames.values();
		}
	};

	/**
	 * Keys recorded on spans and metrics.
	 */
	public enum LowCardinalityKeyNames implements KeyName {

		/**
		 * The model requested.
		 */
		MODEL("model"),

		/**
		 * OpenTelemetry GenAI operation, {@code chat}.
		 */
		GEN_AI_OPERATION_NAME("gen_ai.operation.name"),

		/**
		 * OpenTelemetry GenAI provider, for example {@code openai}.
		 */
		GEN_AI_PROVIDER_NAME("gen_ai.provider.name"),

		/**
		 * OpenTelemetry GenAI requested model.
		 */
		GEN_AI_REQUEST_MODEL("gen_ai.request.model"),

		/**
		 * OpenTelemetry GenAI model that answered, {@code unknown} until reported.
		 */
		GEN_AI_RESPONSE_MODEL("gen_ai.response.model");

		private final String key;

		LowCardinalityKeyNames(String key) {
			this.key = key;
		}

		@Override
		public String asString() {
			return this.key;
		}

	}

	/**
	 * Keys recorded on spans only, when known.
	 */
	public enum HighCardinalityKeyNames implements KeyName {

		/**
		 * Prompt (input) tokens.
		 */
		TOKENS_PROMPT("tokens.prompt"),

		/**
		 * Completion (output) tokens.
		 */
		TOKENS_COMPLETION("tokens.completion"),

		/**
		 * Cost in USD from the pricing table (a double on spans); absent for a model
		 * without a price.
		 */
		COST("cost"),

		/**
		 * OpenTelemetry GenAI input tokens.
		 */
		GEN_AI_USAGE_INPUT_TOKENS("gen_ai.usage.input_tokens"),

		/**
		 * OpenTelemetry GenAI output tokens.
		 */
		GEN_AI_USAGE_OUTPUT_TOKENS("gen_ai.usage.output_tokens"),

		/**
		 * OpenTelemetry GenAI input tokens served from the provider's cache, when any.
		 */
		GEN_AI_USAGE_CACHE_READ_INPUT_TOKENS("gen_ai.usage.cache_read.input_tokens"),

		/**
		 * OpenTelemetry GenAI id of the provider's response.
		 */
		GEN_AI_RESPONSE_ID("gen_ai.response.id"),

		/**
		 * OpenTelemetry GenAI reasons the model stopped, one per choice (a string array
		 * on spans).
		 */
		GEN_AI_RESPONSE_FINISH_REASONS("gen_ai.response.finish_reasons"),

		/**
		 * OpenTelemetry GenAI conversation id, when the framework keeps a conversation.
		 */
		GEN_AI_CONVERSATION_ID("gen_ai.conversation.id"),

		/**
		 * Class of the exception that failed the call.
		 */
		ERROR_TYPE("error.type");

		private final String key;

		HighCardinalityKeyNames(String key) {
			this.key = key;
		}

		@Override
		public String asString() {
			return this.key;
		}

	}

}
