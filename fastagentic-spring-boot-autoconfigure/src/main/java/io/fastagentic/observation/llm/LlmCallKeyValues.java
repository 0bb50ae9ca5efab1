package io.fastagentic.observation.llm;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import io.fastagentic.observation.llm.LlmCallObservationDocumentation.HighCardinalityKeyNames;
import io.fastagentic.observation.llm.LlmCallObservationDocumentation.LowCardinalityKeyNames;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

/**
 * The keys of an {@code llm.call} span, computed from {@link LlmCallDetails} for every
 * source of LLM calls alike: the specification's ({@code model}, {@code tokens.prompt},
 * {@code tokens.completion}, {@code cost}) and the current OpenTelemetry GenAI keys.
 *
 * @author FastAgentic
 */
public final class LlmCallKeyValues {

	private static final String UNKNOWN = "unknown";

	private static final KeyValue CHAT = KeyValue.of(LowCardinalityKeyNames.GEN_AI_OPERATION_NAME, "chat");

	private LlmCallKeyValues() {
	}

	/**
	 * The keys recorded on spans and metrics.
	 * @param call the call
	 * @return operation, provider, requested and answering model
	 */
	public static KeyValues lowCardinality(LlmCallDetails call) {
		String responseModel = call.getResponseModel();
		// In key order (see highCardinality).
		return KeyValues.of(CHAT, KeyValue.of(LowCardinalityKeyNames.GEN_AI_PROVIDER_NAME, call.getProvider()),
				KeyValue.of(LowCardinalityKeyNames.GEN_AI_REQUEST_MODEL, call.getRequestModel()),
				KeyValue.of(LowCardinalityKeyNames.GEN_AI_RESPONSE_MODEL,
						(responseModel != null) ? responseModel : UNKNOWN),
				KeyValue.of(LowCardinalityKeyNames.MODEL, call.getRequestModel()));
	}

	/**
	 * The keys recorded on spans only, each when known.
	 * @param call the call
	 * @return usage, cost, response and conversation keys, and the error type
	 */
	public static KeyValues highCardinality(LlmCallDetails call) {
		// Collected first and made into key values once, in key order: KeyValues sorts
		// what does not come sorted, and each KeyValues.and merges again.
		List<KeyValue> keyValues = new ArrayList<>(11);
		BigDecimal cost = call.getCost();
		if (cost != null) {
			keyValues.add(KeyValue.of(HighCardinalityKeyNames.COST, cost.toPlainString()));
		}
		Throwable error = call.getError();
		if (error != null) {
			keyValues.add(KeyValue.of(HighCardinalityKeyNames.ERROR_TYPE, error.getClass().getName()));
		}
		String conversationId = call.getConversationId();
		if (conversationId != null) {
			keyValues.add(KeyValue.of(HighCardinalityKeyNames.GEN_AI_CONVERSATION_ID, conversationId));
		}
		List<String> finishReasons = call.getFinishReasons();
		if (!finishReasons.isEmpty()) {
			keyValues.add(KeyValue.of(HighCardinalityKeyNames.GEN_AI_RESPONSE_FINISH_REASONS,
					String.join(",", finishReasons)));
		}
		String responseId = call.getResponseId();
		if (responseId != null) {
			keyValues.add(KeyValue.of(HighCardinalityKeyNames.GEN_AI_RESPONSE_ID, responseId));
		}
		if (call.getCachedPromptTokens() > 0) {
			keyValues.add(KeyValue.of(HighCardinalityKeyNames.GEN_AI_USAGE_CACHE_READ_INPUT_TOKENS,
					Long.toString(call.getCachedPromptTokens())));
		}
		Long promptTokens = call.getPromptTokens();
		Long completionTokens = call.getCompletionTokens();
		if (promptTokens != null && completionTokens != null) {
			String prompt = promptTokens.toString();
			String completion = completionTokens.toString();
			keyValues.add(KeyValue.of(HighCardinalityKeyNames.GEN_AI_USAGE_INPUT_TOKENS, prompt));
			keyValues.add(KeyValue.of(HighCardinalityKeyNames.GEN_AI_USAGE_OUTPUT_TOKENS, completion));
			keyValues.add(KeyValue.of(HighCardinalityKeyNames.TOKENS_COMPLETION, completion));
			keyValues.add(KeyValue.of(HighCardinalityKeyNames.TOKENS_PROMPT, prompt));
		}
		return KeyValues.of(keyValues);
	}

}
