package io.fastagentic.observation.agent;

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
		return KeyValues.of(runId(context), userId(context));
	}

	protected KeyValue endpoint(AgentRunObservationContext context) {
		return KeyValue.of(LowCardinalityKeyNames.ENDPOINT, context.getEndpoint().name());
	}

	protected KeyValue adapter(AgentRunObservationContext context) {
		return KeyValue.of(LowCardinalityKeyNames.ADAPTER, context.getEndpoint().adapter());
	}

	protected KeyValue model(AgentRunObservationContext context) {
		return KeyValue.of(LowCardinalityKeyNames.MODEL, context.getEndpoint().model());
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
