package io.fastagentic.observation.handler;

import io.fastagentic.observation.llm.LlmCallDetails;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;

/**
 * A handler of the end of every LLM call, whichever code made it.
 *
 * @author FastAgentic
 */
abstract class LlmCallEndHandler implements ObservationHandler<Observation.Context> {

	private final ObservationAdapters adapters;

	/**
	 * Create the handler.
	 * @param adapters tells which observations are LLM calls
	 */
	protected LlmCallEndHandler(ObservationAdapters adapters) {
		this.adapters = adapters;
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return this.adapters.llmCall(context) != null;
	}

	@Override
	public void onStop(Observation.Context context) {
		LlmCallDetails call = this.adapters.llmCall(context);
		if (call != null) {
			onLlmCallEnd(context, call);
		}
	}

	/**
	 * An LLM call ended.
	 * @param context the call's observation context
	 * @param call the call
	 */
	protected abstract void onLlmCallEnd(Observation.Context context, LlmCallDetails call);

}
