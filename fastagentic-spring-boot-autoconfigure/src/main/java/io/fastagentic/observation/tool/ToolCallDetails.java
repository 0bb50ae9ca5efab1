package io.fastagentic.observation.tool;

import org.jspecify.annotations.Nullable;

/**
 * What one tool call was given and answered, read the same way whichever code ran the
 * tool: FastAgentic's {@code tool.call} observation or a framework's tool observation
 * seen through its adapter.
 *
 * @author FastAgentic
 */
public interface ToolCallDetails {

	/**
	 * The tool's name.
	 * @return the name
	 */
	String getToolName();

	/**
	 * The model's id of the call, when the model asked for it.
	 * @return the id, or {@code null}
	 */
	@Nullable String getToolCallId();

	/**
	 * The arguments as text; exported only when content capture is enabled.
	 * @return the arguments, or {@code null}
	 */
	@Nullable String getArgumentsText();

	/**
	 * The result as text; exported only when content capture is enabled.
	 * @return the result, or {@code null} until the tool answered
	 */
	@Nullable String getResultText();

}
