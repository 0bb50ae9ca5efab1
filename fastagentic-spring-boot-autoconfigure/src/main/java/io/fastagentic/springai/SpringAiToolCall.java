package io.fastagentic.springai;

import io.fastagentic.observation.tool.ToolCallDetails;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.tool.observation.ToolCallingObservationContext;

/**
 * A Spring AI tool-calling observation seen as a tool call.
 *
 * @param context the observation's context
 * @author FastAgentic
 */
record SpringAiToolCall(ToolCallingObservationContext context) implements ToolCallDetails {

	@Override
	public String getToolName() {
		return this.context.getToolDefinition().name();
	}

	@Override
	public @Nullable String getToolCallId() {
		String id = this.context.getToolCallId();
		return id.isEmpty() ? null : id;
	}

	@Override
	public String getArgumentsText() {
		return this.context.getToolCallArguments();
	}

	@Override
	public @Nullable String getResultText() {
		return this.context.getToolCallResult();
	}

}
