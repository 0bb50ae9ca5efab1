package io.fastagentic.observation.agent;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

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

	private static final KeyValue CLIENT_ABORTED = KeyValue.of(HighCardinalityKeyNames.CLIENT_ABORTED, "true");

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
		// In key order (see getHighCardinalityKeyValues).
		return KeyValues.of(adapter(context), endpoint(context), genAiAgentName(context), genAiOperationName(context),
				model(context));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(AgentRunObservationContext context) {
		// Collected first and made into key values once, in key order: KeyValues sorts
		// what does not come sorted, and each KeyValues.and merges again.
		List<KeyValue> keyValues = new ArrayList<>(9);
		if (context.isClientAborted()) {
			keyValues.add(CLIENT_ABORTED);
		}
		AgentRunObservationContext.LlmTotals totals = context.getLlmTotals();
		String prompt = null;
		String completion = null;
		if (totals.llmCalls() > 0) {
			prompt = Long.toString(totals.promptTokens());
			completion = Long.toString(totals.completionTokens());
			BigDecimal cost = totals.cost();
			if (cost != null) {
				keyValues.add(KeyValue.of(HighCardinalityKeyNames.COST, cost.toPlainString()));
			}
			keyValues.add(KeyValue.of(HighCardinalityKeyNames.GEN_AI_USAGE_INPUT_TOKENS, prompt));
			keyValues.add(KeyValue.of(HighCardinalityKeyNames.GEN_AI_USAGE_OUTPUT_TOKENS, completion));
			keyValues.add(KeyValue.of(HighCardinalityKeyNames.LLM_CALLS, Integer.toString(totals.llmCalls())));
		}
		keyValues.add(runId(context));
		if (prompt != null) {
			keyValues.add(KeyValue.of(HighCardinalityKeyNames.TOKENS_COMPLETION, completion));
			keyValues.add(KeyValue.of(HighCardinalityKeyNames.TOKENS_PROMPT, prompt));
		}
		keyValues.add(userId(context));
		return KeyValues.of(keyValues);
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
