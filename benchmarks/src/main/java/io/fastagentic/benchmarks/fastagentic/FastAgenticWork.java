package io.fastagentic.benchmarks.fastagentic;

import io.fastagentic.benchmarks.support.Workload;
import io.fastagentic.observation.AgentObservations;
import io.fastagentic.observation.stream.AgentStream;

/**
 * The observed work of an agent run, through FastAgentic's {@link AgentObservations}.
 */
public final class FastAgenticWork {

	private final AgentObservations observations;

	FastAgenticWork(AgentObservations observations) {
		this.observations = observations;
	}

	/**
	 * {@code tool.call search}.
	 * @return the tool's result
	 */
	public String tool() {
		return this.observations.toolCall(Workload.TOOL, Workload.QUERY, () -> Workload.QUERY);
	}

	/**
	 * {@code checkpoint.write}.
	 */
	public void checkpoint() {
		this.observations.checkpointWrite(Workload.BACKEND, Workload.CHECKPOINT_SIZE, () -> null);
	}

	/**
	 * {@code llm.call gpt-4o-mini}.
	 * @return the answer
	 */
	public String llm() {
		return this.observations.llmCall(Workload.PROVIDER, Workload.MODEL, (call) -> {
			call.usage(Workload.PROMPT_TOKENS, Workload.COMPLETION_TOKENS).responseModel(Workload.RESPONSE_MODEL);
			return Workload.ANSWER;
		});
	}

	/**
	 * {@code stream.emit token}.
	 */
	public void stream() {
		AgentStream events = this.observations.startStream();
		events.emitted(Workload.EVENT_TYPE);
		events.complete();
	}

}
