package io.fastagentic.observation.stream;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and keys of {@code stream.emit} observations; declare a bean to replace the
 * default.
 *
 * @author FastAgentic
 */
public interface StreamEmitObservationConvention extends ObservationConvention<StreamEmitObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof StreamEmitObservationContext;
	}

}
