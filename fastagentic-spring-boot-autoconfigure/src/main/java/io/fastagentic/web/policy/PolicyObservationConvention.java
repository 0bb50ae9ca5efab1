package io.fastagentic.web.policy;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and keys of {@code policy.check} observations; declare a bean to replace the
 * default.
 *
 * @author FastAgentic
 */
public interface PolicyObservationConvention extends ObservationConvention<PolicyObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof PolicyObservationContext;
	}

}
