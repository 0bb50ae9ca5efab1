package io.fastagentic.observation.tool;

import java.util.Arrays;

import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * Context of a {@code tool.call} observation made by FastAgentic.
 *
 * @author FastAgentic
 */
public class ToolCallObservationContext extends Observation.Context implements ToolCallDetails {

	private final String toolName;

	private @Nullable String toolCallId;

	private @Nullable Object arguments;

	private @Nullable Object result;

	/**
	 * Create a context.
	 * @param toolName the tool
	 */
	public ToolCallObservationContext(String toolName) {
		this.toolName = toolName;
	}

	@Override
	public String getToolName() {
		return this.toolName;
	}

	@Override
	public @Nullable String getToolCallId() {
		return this.toolCallId;
	}

	public void setToolCallId(@Nullable String toolCallId) {
		this.toolCallId = toolCallId;
	}

	/**
	 * The tool's arguments; exported only when content capture is enabled.
	 * @return the arguments or {@code null}
	 */
	public @Nullable Object getArguments() {
		return this.arguments;
	}

	public void setArguments(@Nullable Object arguments) {
		this.arguments = arguments;
	}

	/**
	 * The tool's result; exported only when content capture is enabled.
	 * @return the result or {@code null}
	 */
	public @Nullable Object getResult() {
		return this.result;
	}

	public void setResult(@Nullable Object result) {
		this.result = result;
	}

	@Override
	public @Nullable String getArgumentsText() {
		return text(this.arguments);
	}

	@Override
	public @Nullable String getResultText() {
		return text(this.result);
	}

	private static @Nullable String text(@Nullable Object value) {
		return (value instanceof Object[] array) ? Arrays.deepToString(array)
				: (value != null) ? value.toString() : null;
	}

}
