package io.fastagentic.langchain4j;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and keys of the observations of LangChain4j's requests to providers; declare a
 * bean to replace the default.
 *
 * @author FastAgentic
 */
public interface LangChain4jHttpObservationConvention extends ObservationConvention<LangChain4jHttpObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof LangChain4jHttpObservationContext;
	}

}
