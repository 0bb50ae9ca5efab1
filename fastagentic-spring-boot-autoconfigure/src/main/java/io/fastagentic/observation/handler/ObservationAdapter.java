package io.fastagentic.observation.handler;

import io.fastagentic.observation.llm.LlmCallDetails;
import io.fastagentic.observation.tool.ToolCallDetails;
import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * Tells FastAgentic which observations of an agent framework stand for an LLM call or a
 * tool call, and which only wrap them. The framework's own conventions name and key those
 * observations; through this view FastAgentic gives them their span kind, typed values,
 * tool duration, metrics, run totals and captured content, exactly as for its own.
 *
 * @author FastAgentic
 */
public interface ObservationAdapter {

	/**
	 * The LLM call an observation stands for.
	 * @param context the observation's context
	 * @return the call, or {@code null} when the observation is not an LLM call
	 */
	default @Nullable LlmCallDetails llmCall(Observation.Context context) {
		return null;
	}

	/**
	 * The tool call an observation stands for.
	 * @param context the observation's context
	 * @return the call, or {@code null} when the observation is not a tool call
	 */
	default @Nullable ToolCallDetails toolCall(Observation.Context context) {
		return null;
	}

	/**
	 * Whether an observation only wraps agent work (a framework's client or advisor
	 * layer) and gets no span of its own: its children hang from its parent's span. Its
	 * timer is still recorded.
	 * @param context the observation's context
	 * @return {@code true} to leave the observation out of traces
	 */
	default boolean isTransparent(Observation.Context context) {
		return false;
	}

}
