package io.fastagentic.observation.agent;

import java.math.BigDecimal;

import io.fastagentic.observation.agent.AgentRunObservationDocumentation.HighCardinalityKeyNames;
import io.fastagentic.observation.agent.AgentRunObservationDocumentation.LowCardinalityKeyNames;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

/**
 * The default {@link AgentRunObservationConvention}: metric {@code agent.run}, span
 * {@code agent.run {endpoint}}. Subclass it to change one key.
 *
 * @author FastAgentic
 */
public class DefaultAgentRunObservationConvention implements AgentRunObservationConvention {

	private static final String NAME = "agent.run";

	private static final KeyValue INVOKE_AGENT = KeyValue.of(LowCardinalityKeyNames.GEN_AI_OPERATION_NAME,
			"invoke_agent");

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public String getContextualName(AgentRunObservationContext context) {
		return NAME + " " + context.getEndpoint().name();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(AgentRunObservationContext context) {
		return KeyValues.of(adapter(context), endpoint(context), genAiAgentName(context), genAiOperationName(context),
				model(context));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(AgentRunObservationContext context) {
		KeyValues keyValues = KeyValues.of(runId(context), userId(context));
		if (context.isClientAborted()) {
			keyValues = keyValues.and(KeyValue.of(HighCardinalityKeyNames.CLIENT_ABORTED, "true"));
		}
		AgentRunObservationContext.LlmTotals totals = context.getLlmTotals();
		if (totals.llmCalls() == 0) {
			return keyValues;
		}
		String prompt = Long.toString(totals.promptTokens());
		String completion = Long.toString(totals.completionTokens());
		keyValues = keyValues.and(KeyValue.of(HighCardinalityKeyNames.LLM_CALLS, Integer.toString(totals.llmCalls())),
				KeyValue.of(HighCardinalityKeyNames.TOKENS_PROMPT, prompt),
				KeyValue.of(HighCardinalityKeyNames.TOKENS_COMPLETION, completion),
				KeyValue.of(HighCardinalityKeyNames.GEN_AI_USAGE_INPUT_TOKENS, prompt),
				KeyValue.of(HighCardinalityKeyNames.GEN_AI_USAGE_OUTPUT_TOKENS, completion));
		BigDecimal cost = totals.cost();
		return (cost != null) ? keyValues.and(KeyValue.of(HighCardinalityKeyNames.COST, cost.toPlainString()))
				: keyValues;
	}

	protected KeyValue endpoint(AgentRunObservationContext context) {
		return KeyValue.of(LowCardinalityKeyNames.ENDPOINT, context.getEndpoint().name());
	}

	protected KeyValue adapter(AgentRunObservationContext context) {
		return KeyValue.of(LowCardinalityKeyNames.ADAPTER, context.getAdapter());
	}

	protected KeyValue model(AgentRunObservationContext context) {
		return KeyValue.of(LowCardinalityKeyNames.MODEL, context.getModel());
	}

	protected KeyValue genAiOperationName(AgentRunObservationContext context) {
		return INVOKE_AGENT;
	}

	protected KeyValue genAiAgentName(AgentRunObservationContext context) {
		return KeyValue.of(LowCardinalityKeyNames.GEN_AI_AGENT_NAME, context.getEndpoint().name());
	}

	protected KeyValue runId(AgentRunObservationContext context) {
		return KeyValue.of(HighCardinalityKeyNames.RUN_ID, context.getRunId());
	}

	protected KeyValue userId(AgentRunObservationContext context) {
		return KeyValue.of(HighCardinalityKeyNames.USER_ID, context.getUserId());
	}

}
