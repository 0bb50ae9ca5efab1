package io.fastagentic.sample;

/**
 * An event of a streamed agent run: the answer's text as the model writes it, then the
 * outcome of the run.
 */
public sealed interface AgentEvent {

	/**
	 * A piece of the answer, as the model streamed it.
	 *
	 * @param text the text, never empty
	 */
	record Token(String text) implements AgentEvent {

	}

	/**
	 * The end of the run, after its answer was checkpointed.
	 *
	 * @param run the outcome of the run
	 */
	record Done(AgentRun run) implements AgentEvent {

	}

}
