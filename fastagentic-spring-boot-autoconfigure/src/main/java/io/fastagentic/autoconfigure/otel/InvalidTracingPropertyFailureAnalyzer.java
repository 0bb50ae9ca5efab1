package io.fastagentic.autoconfigure.otel;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns an {@link InvalidTracingPropertyException} into the startup report a user reads:
 * what is wrong, and how to set it right.
 *
 * @author FastAgentic
 */
class InvalidTracingPropertyFailureAnalyzer extends AbstractFailureAnalyzer<InvalidTracingPropertyException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidTracingPropertyException cause) {
		String shown = (cause.getValue() != null) ? "'" + cause.getValue() + "'"
				: "a value (not shown: it may hold credentials)";
		String description = "FastAgentic tracing could not start: %s is set to %s, which is not valid."
			.formatted(cause.getProperty(), shown);
		String action = "Set the environment variable %s (or the property %s) to %s, or remove it to use the default."
			.formatted(cause.getEnvironmentVariable(), cause.getProperty(), cause.getAcceptedValues());
		return new FailureAnalysis(description, action, cause);
	}

}
