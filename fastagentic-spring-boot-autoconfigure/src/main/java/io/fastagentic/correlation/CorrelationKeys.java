package io.fastagentic.correlation;

/**
 * The names under which the correlated ids appear in logs (MDC), in baggage and on spans:
 * the documented {@code trace_id}, {@code span_id}, {@code run_id} and {@code user_id}.
 *
 * @author FastAgentic
 */
public final class CorrelationKeys {

	/**
	 * The W3C trace id of the current span.
	 */
	public static final String TRACE_ID = "trace_id";

	/**
	 * The id of the current span.
	 */
	public static final String SPAN_ID = "span_id";

	/**
	 * The id of the current agent run.
	 */
	public static final String RUN_ID = "run_id";

	/**
	 * The id of the authenticated user, never a credential.
	 */
	public static final String USER_ID = "user_id";

	private CorrelationKeys() {
	}

}
