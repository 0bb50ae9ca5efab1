package io.fastagentic.observation.llm;

import java.math.BigDecimal;

import io.fastagentic.observation.llm.LlmCallObservationDocumentation.HighCardinalityKeyNames;
import io.fastagentic.observation.llm.LlmCallObservationDocumentation.LowCardinalityKeyNames;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

/**
 * The default {@link LlmCallObservationConvention}: metric {@code llm.call}, span
 * {@code llm.call {model}} with the seed's keys and the OpenTelemetry GenAI keys.
 * Subclass it to change one key.
 *
 * @author FastAgentic
 */
public class DefaultLlmCallObservationConvention implements LlmCallObservationConvention {

	private static final String NAME = "llm.call";

	private static final String UNKNOWN = "unknown";

	private static final KeyValue CHAT = KeyValue.of(LowCardinalityKeyNames.GEN_AI_OPERATION_NAME, "chat");

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public String getContextualName(LlmCallObservationContext context) {
		return NAME + " " + context.getRequestModel();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(LlmCallObservationContext context) {
		return KeyValues.of(genAiOperationName(context), genAiProviderName(context), genAiRequestModel(context),
				genAiResponseModel(context), model(context));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(LlmCallObservationContext context) {
		KeyValues keyValues = KeyValues.empty();
		Long promptTokens = context.getPromptTokens();
		Long completionTokens = context.getCompletionTokens();
		if (promptTokens != null && completionTokens != null) {
			keyValues = keyValues.and(tokensPrompt(promptTokens), tokensCompletion(completionTokens),
					KeyValue.of(HighCardinalityKeyNames.GEN_AI_USAGE_INPUT_TOKENS, promptTokens.toString()),
					KeyValue.of(HighCardinalityKeyNames.GEN_AI_USAGE_OUTPUT_TOKENS, completionTokens.toString()));
		}
		BigDecimal cost = context.getCost();
		if (cost != null) {
			keyValues = keyValues.and(KeyValue.of(HighCardinalityKeyNames.COST, cost.toPlainString()));
		}
		if (context.getError() != null) {
			keyValues = keyValues
				.and(KeyValue.of(HighCardinalityKeyNames.ERROR_TYPE, context.getError().getClass().getName()));
		}
		return keyValues;
	}

	protected KeyValue model(LlmCallObservationContext context) {
		return KeyValue.of(LowCardinalityKeyNames.MODEL, context.getRequestModel());
	}

	protected KeyValue genAiOperationName(LlmCallObservationContext context) {
		return CHAT;
	}

	protected KeyValue genAiProviderName(LlmCallObservationContext context) {
		return KeyValue.of(LowCardinalityKeyNames.GEN_AI_PROVIDER_NAME, context.getProvider());
	}

	protected KeyValue genAiRequestModel(LlmCallObservationContext context) {
		return KeyValue.of(LowCardinalityKeyNames.GEN_AI_REQUEST_MODEL, context.getRequestModel());
	}

	protected KeyValue genAiResponseModel(LlmCallObservationContext context) {
		String responseModel = context.getResponseModel();
		return KeyValue.of(LowCardinalityKeyNames.GEN_AI_RESPONSE_MODEL,
				(responseModel != null) ? responseModel : UNKNOWN);
	}

	protected KeyValue tokensPrompt(long promptTokens) {
		return KeyValue.of(HighCardinalityKeyNames.TOKENS_PROMPT, Long.toString(promptTokens));
	}

	protected KeyValue tokensCompletion(long completionTokens) {
		return KeyValue.of(HighCardinalityKeyNames.TOKENS_COMPLETION, Long.toString(completionTokens));
	}

}
