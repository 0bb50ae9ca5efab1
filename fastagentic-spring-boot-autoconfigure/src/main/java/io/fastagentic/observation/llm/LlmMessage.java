package io.fastagentic.observation.llm;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One message of an LLM conversation, in the shape of the OpenTelemetry GenAI message
 * schema: a role, text, the tools an assistant calls, or the answer to a tool call.
 *
 * @param role {@code system}, {@code user}, {@code assistant} or {@code tool}
 * @param text the text, or {@code null}
 * @param toolCalls the tools an assistant message calls
 * @param toolCallId for a {@code tool} message, the call it answers
 * @author FastAgentic
 */
public record LlmMessage(String role, @Nullable String text, List<ToolCall> toolCalls, @Nullable String toolCallId) {

	/**
	 * A message of text only.
	 * @param role the role
	 * @param text the text
	 * @return the message
	 */
	public static LlmMessage text(String role, @Nullable String text) {
		return new LlmMessage(role, text, List.of(), null);
	}

	/**
	 * The answer of a tool.
	 * @param toolCallId the call it answers
	 * @param result the tool's result
	 * @return the message
	 */
	public static LlmMessage toolResult(@Nullable String toolCallId, @Nullable String result) {
		return new LlmMessage("tool", result, List.of(), toolCallId);
	}

	/**
	 * A tool call requested by the model.
	 *
	 * @param id identifies the call
	 * @param name the tool's name
	 * @param arguments the arguments as the model wrote them (JSON)
	 */
	public record ToolCall(@Nullable String id, String name, @Nullable String arguments) {

	}

}
