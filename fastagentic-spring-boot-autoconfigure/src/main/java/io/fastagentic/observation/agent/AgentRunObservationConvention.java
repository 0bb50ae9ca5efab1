package io.fastagentic.observation.agent;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and keys of {@code agent.run} observations; declare a bean to replace the
 * default.
 *
 * @author FastAgentic
 */
public interface AgentRunObservationConvention extends ObservationConvention<AgentRunObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof AgentRunObservationContext;
	}

}
