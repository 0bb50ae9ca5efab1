package io.fastagentic.correlation;

import org.jspecify.annotations.Nullable;

/**
 * Custom spans and the correlated ids of the current run, for application code:
 *
 * <pre class="code">
 * try (AgentSpan span = agentTracer.startSpan("custom.preprocessing")) {
 *     span.setAttribute("input_size", input.length());
 *     preprocessed = preprocess(input);
 * }
 * </pre>
 *
 * A span started here is a child of the current span and becomes the current span until
 * it is closed. With tracing off, spans cost next to nothing and record nothing.
 *
 * @author FastAgentic
 */
public interface AgentTracer {

	/**
	 * Start a span, child of the current one, and make it current.
	 * @param name the span name
	 * @return the span, to close when the work is done
	 */
	AgentSpan startSpan(String name);

	/**
	 * The {@code run_id} of the agent run this thread works for.
	 * @return the run id, or {@code null} outside an agent run
	 */
	@Nullable String currentRunId();

	/**
	 * The {@code user_id} of the caller this thread works for.
	 * @return the user id, or {@code null} outside an agent request
	 */
	@Nullable String currentUserId();

}
