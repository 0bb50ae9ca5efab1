package io.fastagentic.observation.tool;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and keys of {@code tool.call} observations; declare a bean to replace the
 * default.
 *
 * @author FastAgentic
 */
public interface ToolCallObservationConvention extends ObservationConvention<ToolCallObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof ToolCallObservationContext;
	}

}
