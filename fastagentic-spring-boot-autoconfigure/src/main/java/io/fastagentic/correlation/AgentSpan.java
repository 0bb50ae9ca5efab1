package io.fastagentic.correlation;

/**
 * A span started by {@link AgentTracer}; closing it ends it and restores the previous
 * current span.
 *
 * @author FastAgentic
 */
public interface AgentSpan extends AutoCloseable {

	/**
	 * Set a string attribute.
	 * @param key the attribute key
	 * @param value the value
	 * @return this span
	 */
	AgentSpan setAttribute(String key, String value);

	/**
	 * Set an integer attribute.
	 * @param key the attribute key
	 * @param value the value
	 * @return this span
	 */
	AgentSpan setAttribute(String key, long value);

	/**
	 * Set a floating-point attribute.
	 * @param key the attribute key
	 * @param value the value
	 * @return this span
	 */
	AgentSpan setAttribute(String key, double value);

	/**
	 * Set a boolean attribute.
	 * @param key the attribute key
	 * @param value the value
	 * @return this span
	 */
	AgentSpan setAttribute(String key, boolean value);

	/**
	 * Mark the span as failed with this exception.
	 * @param failure what went wrong
	 * @return this span
	 */
	AgentSpan recordException(Throwable failure);

	/**
	 * End the span.
	 */
	@Override
	void close();

}
