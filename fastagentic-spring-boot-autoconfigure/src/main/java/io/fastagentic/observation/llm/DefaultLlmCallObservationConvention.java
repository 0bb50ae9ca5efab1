package io.fastagentic.observation.llm;

import io.micrometer.common.KeyValues;

/**
 * The default {@link LlmCallObservationConvention}: metric {@code llm.call}, span
 * {@code llm.call {model}} with the specification's keys and the OpenTelemetry GenAI keys
 * of {@link LlmCallKeyValues}. Subclass it to add a key.
 *
 * @author FastAgentic
 */
public class DefaultLlmCallObservationConvention implements LlmCallObservationConvention {

	/**
	 * Name of the observation, and so of its timer; spans are named {@code llm.call
	 * {model}}.
	 */
	public static final String NAME = "llm.call";

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
		return LlmCallKeyValues.lowCardinality(context);
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(LlmCallObservationContext context) {
		return LlmCallKeyValues.highCardinality(context);
	}

}
