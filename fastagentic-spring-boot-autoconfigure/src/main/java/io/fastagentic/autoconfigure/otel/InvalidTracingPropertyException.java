package io.fastagentic.autoconfigure.otel;

import org.jspecify.annotations.Nullable;

/**
 * Thrown at startup when a FastAgentic tracing setting has a value it does not accept.
 * The message names the property, its environment variable and the accepted values;
 * secret values (OTLP headers) are never part of it.
 *
 * @author FastAgentic
 */
public class InvalidTracingPropertyException extends IllegalStateException {

	private final String property;

	private final String environmentVariable;

	private final @Nullable String value;

	private final String acceptedValues;

	InvalidTracingPropertyException(String property, String environmentVariable, @Nullable String value,
			String acceptedValues) {
		super("Invalid value %s for '%s' (environment variable %s): expected %s".formatted(
				(value != null) ? "'" + value + "'" : "(not shown: it may hold credentials)", property,
				environmentVariable, acceptedValues));
		this.property = property;
		this.environmentVariable = environmentVariable;
		this.value = value;
		this.acceptedValues = acceptedValues;
	}

	/**
	 * The Spring property that was rejected.
	 * @return the property name
	 */
	public String getProperty() {
		return this.property;
	}

	/**
	 * The environment variable mapped to the property.
	 * @return the environment variable name
	 */
	public String getEnvironmentVariable() {
		return this.environmentVariable;
	}

	/**
	 * The rejected value, or {@code null} when it is secret.
	 * @return the value
	 */
	public @Nullable String getValue() {
		return this.value;
	}

	/**
	 * What the property accepts.
	 * @return a human-readable description of the accepted values
	 */
	public String getAcceptedValues() {
		return this.acceptedValues;
	}

}
