package io.fastagentic.observation.handler;

import io.fastagentic.observation.agent.AgentRunObservationContext;
import io.fastagentic.observation.llm.LlmCallDetails;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationView;

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
		ObservationView parent = context.getParentObservation();
		while (parent != null) {
			Observation.ContextView view = parent.getContextView();
			if (view instanceof AgentRunObservationContext run) {
				run.addLlmCall(call);
				return;
			}
			parent = view.getParentObservation();
		}
	}

}
