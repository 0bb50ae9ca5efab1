package io.fastagentic.observation.tool;

import io.fastagentic.observation.tool.ToolCallObservationDocumentation.HighCardinalityKeyNames;
import io.fastagentic.observation.tool.ToolCallObservationDocumentation.LowCardinalityKeyNames;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import org.jspecify.annotations.Nullable;

/**
 * The keys of a {@code tool.call} span, computed from {@link ToolCallDetails} for every
 * source of tool calls alike.
 *
 * @author FastAgentic
 */
public final class ToolCallKeyValues {

	private static final KeyValue EXECUTE_TOOL = KeyValue.of(LowCardinalityKeyNames.GEN_AI_OPERATION_NAME,
			"execute_tool");

	private ToolCallKeyValues() {
	}

	/**
	 * The keys recorded on spans and metrics.
	 * @param call the call
	 * @return the operation and the tool's name
	 */
	public static KeyValues lowCardinality(ToolCallDetails call) {
		return KeyValues.of(EXECUTE_TOOL, KeyValue.of(LowCardinalityKeyNames.GEN_AI_TOOL_NAME, call.getToolName()),
				KeyValue.of(LowCardinalityKeyNames.TOOL, call.getToolName()));
	}

	/**
	 * The keys recorded on spans only, each when known; {@code duration_ms} is written by
	 * the tracing handler from the span's own clock.
	 * @param call the call
	 * @param error what failed the call, or {@code null}
	 * @return the call id and the error type
	 */
	public static KeyValues highCardinality(ToolCallDetails call, @Nullable Throwable error) {
		KeyValues keyValues = KeyValues.empty();
		String toolCallId = call.getToolCallId();
		if (toolCallId != null && !toolCallId.isEmpty()) {
			keyValues = keyValues.and(KeyValue.of(HighCardinalityKeyNames.GEN_AI_TOOL_CALL_ID, toolCallId));
		}
		if (error != null) {
			keyValues = keyValues.and(KeyValue.of(HighCardinalityKeyNames.ERROR_TYPE, error.getClass().getName()));
		}
		return keyValues;
	}

}
