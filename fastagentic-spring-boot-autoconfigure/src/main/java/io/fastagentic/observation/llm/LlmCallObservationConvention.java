package io.fastagentic.observation.llm;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and keys of {@code llm.call} observations; declare a bean to replace the default.
 *
 * @author FastAgentic
 */
public interface LlmCallObservationConvention extends ObservationConvention<LlmCallObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof LlmCallObservationContext;
	}

}
