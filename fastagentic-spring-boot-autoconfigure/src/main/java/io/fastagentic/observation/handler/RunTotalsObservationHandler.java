package io.fastagentic.observation.handler;

import io.fastagentic.observation.agent.AgentRunObservationContext;
import io.fastagentic.observation.llm.LlmCallDetails;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationView;

/**
 * Adds every LLM call that ends to the totals of the {@code agent.run} it belongs to (its
 * nearest {@code agent.run} ancestor), whichever code made the call, so that one
 * attribute of the run answers what a user request cost.
 *
 * @author FastAgentic
 */
public class RunTotalsObservationHandler implements ObservationHandler<Observation.Context> {

	private final ObservationAdapters adapters;

	/**
	 * Create the handler.
	 * @param adapters tells which observations are LLM calls
	 */
	public RunTotalsObservationHandler(ObservationAdapters adapters) {
		this.adapters = adapters;
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return this.adapters.llmCall(context) != null;
	}

	@Override
	public void onStop(Observation.Context context) {
		LlmCallDetails call = this.adapters.llmCall(context);
		if (call == null) {
			return;
		}
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
