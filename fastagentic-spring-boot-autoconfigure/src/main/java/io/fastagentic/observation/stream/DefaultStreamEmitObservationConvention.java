package io.fastagentic.observation.stream;

import io.fastagentic.observation.stream.StreamEmitObservationDocumentation.HighCardinalityKeyNames;
import io.fastagentic.observation.stream.StreamEmitObservationDocumentation.LowCardinalityKeyNames;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

/**
 * The default {@link StreamEmitObservationConvention}: metric {@code stream.emit}, span
 * {@code stream.emit {type}} with {@code event_type}, {@code run_id} and {@code count}.
 *
 * @author FastAgentic
 */
public class DefaultStreamEmitObservationConvention implements StreamEmitObservationConvention {

	private static final String NAME = "stream.emit";

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public String getContextualName(StreamEmitObservationContext context) {
		return NAME + " " + context.getEventType();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(StreamEmitObservationContext context) {
		return KeyValues.of(eventType(context));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(StreamEmitObservationContext context) {
		String runId = context.getRunId();
		return (runId != null) ? KeyValues.of(count(context), KeyValue.of(HighCardinalityKeyNames.RUN_ID, runId))
				: KeyValues.of(count(context));
	}

	protected KeyValue eventType(StreamEmitObservationContext context) {
		return KeyValue.of(LowCardinalityKeyNames.EVENT_TYPE, context.getEventType());
	}

	protected KeyValue count(StreamEmitObservationContext context) {
		return KeyValue.of(HighCardinalityKeyNames.COUNT, Long.toString(context.getCount()));
	}

}
