package io.fastagentic.observation.tool;

import io.fastagentic.observation.tool.ToolCallObservationDocumentation.HighCardinalityKeyNames;
import io.fastagentic.observation.tool.ToolCallObservationDocumentation.LowCardinalityKeyNames;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

/**
 * The default {@link ToolCallObservationConvention}: metric {@code tool.call}, span
 * {@code tool.call {name}}. Subclass it to change one key.
 *
 * @author FastAgentic
 */
public class DefaultToolCallObservationConvention implements ToolCallObservationConvention {

	private static final String NAME = "tool.call";

	private static final KeyValue EXECUTE_TOOL = KeyValue.of(LowCardinalityKeyNames.GEN_AI_OPERATION_NAME,
			"execute_tool");

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
		return KeyValues.of(genAiOperationName(context), genAiToolName(context), tool(context));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(ToolCallObservationContext context) {
		KeyValues keyValues = KeyValues.empty();
		if (context.getDurationMillis() >= 0) {
			keyValues = keyValues
				.and(KeyValue.of(HighCardinalityKeyNames.DURATION_MS, Long.toString(context.getDurationMillis())));
		}
		if (context.getError() != null) {
			keyValues = keyValues
				.and(KeyValue.of(HighCardinalityKeyNames.ERROR_TYPE, context.getError().getClass().getName()));
		}
		return keyValues;
	}

	protected KeyValue tool(ToolCallObservationContext context) {
		return KeyValue.of(LowCardinalityKeyNames.TOOL, context.getToolName());
	}

	protected KeyValue genAiOperationName(ToolCallObservationContext context) {
		return EXECUTE_TOOL;
	}

	protected KeyValue genAiToolName(ToolCallObservationContext context) {
		return KeyValue.of(LowCardinalityKeyNames.GEN_AI_TOOL_NAME, context.getToolName());
	}

}
