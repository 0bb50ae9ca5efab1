package io.fastagentic.observation.checkpoint;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and keys of {@code checkpoint.write} observations; declare a bean to replace the
 * default.
 *
 * @author FastAgentic
 */
public interface CheckpointWriteObservationConvention extends ObservationConvention<CheckpointWriteObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof CheckpointWriteObservationContext;
	}

}
