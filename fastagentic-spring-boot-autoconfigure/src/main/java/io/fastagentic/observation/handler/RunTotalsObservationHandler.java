package io.fastagentic.observation.handler;

import io.fastagentic.observation.agent.AgentRunObservationContext;
import io.fastagentic.observation.llm.LlmCallDetails;
import io.micrometer.observation.Observation;

/**
 * Adds every LLM call that ends to the totals of the {@code agent.run} it belongs to (its
 * nearest {@code agent.run} ancestor), whichever code made the call, so that one
 * attribute of the run answers what a user request cost.
 *
 * @author FastAgentic
 */
public class RunTotalsObservationHandler extends LlmCallEndHandler {

	/**
	 * Create the handler.
	 * @param adapters tells which observations are LLM calls
	 */
	public RunTotalsObservationHandler(ObservationAdapters adapters) {
		super(adapters);
	}

	@Override
	protected void onLlmCallEnd(Observation.Context context, LlmCallDetails call) {
		AgentRunObservationContext run = AgentRunObservationContext.enclosing(context.getParentObservation());
		if (run != null) {
			run.addLlmCall(call);
		}
	}

}
