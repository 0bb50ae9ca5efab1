package io.fastagentic.propagation.jdbc;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and keys of {@code jdbc.query} observations; declare a bean to replace the
 * default.
 *
 * @author FastAgentic
 */
public interface JdbcQueryObservationConvention extends ObservationConvention<JdbcQueryObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof JdbcQueryObservationContext;
	}

}
