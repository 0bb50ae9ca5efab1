package io.fastagentic.observation.handler;

import java.util.List;

import io.fastagentic.observation.agent.AgentRunObservationContext;
import io.fastagentic.observation.checkpoint.CheckpointWriteObservationContext;
import io.fastagentic.observation.llm.LlmCallDetails;
import io.fastagentic.observation.llm.LlmCallObservationContext;
import io.fastagentic.observation.stream.StreamEmitObservationContext;
import io.fastagentic.observation.tool.ToolCallDetails;
import io.fastagentic.observation.tool.ToolCallObservationContext;
import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * FastAgentic's own observations and those of every {@link ObservationAdapter}, asked in
 * one place.
 *
 * @author FastAgentic
 */
public final class ObservationAdapters {

	private final ObservationAdapter[] adapters;

	/**
	 * Create the view over FastAgentic's observations and the given adapters'.
	 * @param adapters the adapters of the frameworks present
	 */
	public ObservationAdapters(List<ObservationAdapter> adapters) {
		this.adapters = adapters.toArray(ObservationAdapter[]::new);
	}

	/**
	 * The LLM call an observation stands for.
	 * @param context the observation's context
	 * @return the call, or {@code null}
	 */
	public @Nullable LlmCallDetails llmCall(Observation.Context context) {
		if (context instanceof LlmCallObservationContext own) {
			return own;
		}
		for (ObservationAdapter adapter : this.adapters) {
			LlmCallDetails call = adapter.llmCall(context);
			if (call != null) {
				return call;
			}
		}
		return null;
	}

	/**
	 * The tool call an observation stands for.
	 * @param context the observation's context
	 * @return the call, or {@code null}
	 */
	public @Nullable ToolCallDetails toolCall(Observation.Context context) {
		if (context instanceof ToolCallObservationContext own) {
			return own;
		}
		for (ObservationAdapter adapter : this.adapters) {
			ToolCallDetails call = adapter.toolCall(context);
			if (call != null) {
				return call;
			}
		}
		return null;
	}

	/**
	 * Whether an observation gets no span of its own.
	 * @param context the observation's context
	 * @return {@code true} when an adapter says so
	 */
	public boolean isTransparent(Observation.Context context) {
		for (ObservationAdapter adapter : this.adapters) {
			if (adapter.isTransparent(context)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether an observation is agent work whose span FastAgentic shapes: a run, an LLM
	 * or tool call, a checkpoint, a stream, or a framework layer left out of traces.
	 * @param context the observation's context
	 * @return {@code true} for agent work
	 */
	public boolean isAgentWork(Observation.Context context) {
		return context instanceof AgentRunObservationContext || context instanceof CheckpointWriteObservationContext
				|| context instanceof StreamEmitObservationContext || llmCall(context) != null
				|| toolCall(context) != null || isTransparent(context);
	}

}
