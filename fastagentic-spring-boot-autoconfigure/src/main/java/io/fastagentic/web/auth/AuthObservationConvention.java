package io.fastagentic.web.auth;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and keys of {@code auth.validate} observations; declare a bean to replace the
 * default.
 *
 * @author FastAgentic
 */
public interface AuthObservationConvention extends ObservationConvention<AuthObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof AuthObservationContext;
	}

}
