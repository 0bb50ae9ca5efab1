package io.fastagentic.observation.checkpoint;

import io.fastagentic.observation.checkpoint.CheckpointWriteObservationDocumentation.HighCardinalityKeyNames;
import io.fastagentic.observation.checkpoint.CheckpointWriteObservationDocumentation.LowCardinalityKeyNames;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

/**
 * The default {@link CheckpointWriteObservationConvention}: metric and span
 * {@code checkpoint.write} with {@code backend} and {@code size}.
 *
 * @author FastAgentic
 */
public class DefaultCheckpointWriteObservationConvention implements CheckpointWriteObservationConvention {

	private static final String NAME = "checkpoint.write";

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public String getContextualName(CheckpointWriteObservationContext context) {
		return NAME;
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(CheckpointWriteObservationContext context) {
		return KeyValues.of(backend(context));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(CheckpointWriteObservationContext context) {
		return KeyValues.of(size(context));
	}

	protected KeyValue backend(CheckpointWriteObservationContext context) {
		return KeyValue.of(LowCardinalityKeyNames.BACKEND, context.getBackend());
	}

	protected KeyValue size(CheckpointWriteObservationContext context) {
		return KeyValue.of(HighCardinalityKeyNames.SIZE, Long.toString(context.getSizeBytes()));
	}

}
