package io.fastagentic.springai.openai;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;

import org.springframework.ai.chat.observation.ChatModelObservationContext;

/**
 * Maps the id of a streamed OpenAI call to its chat observation while the observation
 * runs; the chat model starts it on the subscribing thread, before the SDK sends the
 * request from another.
 *
 * @author FastAgentic
 */
public final class StreamedCallObservationHandler implements ObservationHandler<ChatModelObservationContext> {

	private final StreamedCallCorrelation correlation;

	/**
	 * Create the handler.
	 * @param correlation where the calls in flight are kept
	 */
	public StreamedCallObservationHandler(StreamedCallCorrelation correlation) {
		this.correlation = correlation;
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof ChatModelObservationContext chat
				&& StreamedCallCorrelation.idOf(chat.getRequest().getOptions()) != null;
	}

	@Override
	public void onStart(ChatModelObservationContext context) {
		String id = StreamedCallCorrelation.idOf(context.getRequest().getOptions());
		if (id != null) {
			this.correlation.started(id, context);
		}
	}

	@Override
	public void onStop(ChatModelObservationContext context) {
		String id = StreamedCallCorrelation.idOf(context.getRequest().getOptions());
		if (id != null) {
			this.correlation.stopped(id, context);
		}
	}

}
