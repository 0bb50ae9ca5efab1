package io.fastagentic.observation.tool;

import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * Context of a {@code tool.call} observation.
 *
 * @author FastAgentic
 */
public class ToolCallObservationContext extends Observation.Context {

	private final String toolName;

	private long durationMillis = -1;

	private @Nullable Object arguments;

	/**
	 * Create a context.
	 * @param toolName the tool
	 */
	public ToolCallObservationContext(String toolName) {
		this.toolName = toolName;
	}

	public String getToolName() {
		return this.toolName;
	}

	/**
	 * How long the tool ran, once it ended.
	 * @return milliseconds, or {@code -1} while it runs
	 */
	public long getDurationMillis() {
		return this.durationMillis;
	}

	public void setDurationMillis(long durationMillis) {
		this.durationMillis = durationMillis;
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

}
