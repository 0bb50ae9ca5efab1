package io.fastagentic.observation.tool;

import io.micrometer.common.KeyValues;

/**
 * The default {@link ToolCallObservationConvention}: metric {@code tool.call}, span
 * {@code tool.call {name}} with the keys of {@link ToolCallKeyValues}. Subclass it to add
 * a key.
 *
 * @author FastAgentic
 */
public class DefaultToolCallObservationConvention implements ToolCallObservationConvention {

	/**
	 * Name of the observation, and so of its timer; spans are named {@code tool.call
	 * {name}}.
	 */
	public static final String NAME = "tool.call";

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public String getContextualName(ToolCallObservationContext context) {
		return NAME + " " + context.getToolName();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(ToolCallObservationContext context) {
		return ToolCallKeyValues.lowCardinality(context);
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(ToolCallObservationContext context) {
		return ToolCallKeyValues.highCardinality(context, context.getError());
	}

}
