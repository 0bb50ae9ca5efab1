package io.fastagentic.correlation;

import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.baggage.BaggageBuilder;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import io.opentelemetry.context.Scope;
import org.jspecify.annotations.Nullable;

/**
 * The {@code run_id} and {@code user_id} of the work in progress, one entry of the
 * OpenTelemetry context. It travels wherever the context does: into every span started
 * under it, through the scopes Micrometer reopens for those spans on other threads
 * (Spring's task executor, context propagation), into the MDC of every log line
 * ({@link CorrelationMdcEventListener}) and, to the hosts allowed to receive baggage,
 * into the W3C {@code baggage} header of outgoing requests
 * ({@link #withBaggage(Context)}).
 * <p>
 * One immutable entry rather than two baggage entries: Micrometer's OpenTelemetry bridge
 * rebuilds non-empty baggage at every scope it opens, about twenty times a request, and
 * an entry of the context is carried as it is.
 *
 * @author FastAgentic
 */
public final class AgentCorrelation {

	private static final ContextKey<AgentCorrelation> KEY = ContextKey.named("fastagentic-correlation");

	private final @Nullable String runId;

	private final @Nullable String userId;

	private AgentCorrelation(@Nullable String runId, @Nullable String userId) {
		this.runId = runId;
		this.userId = userId;
	}

	/**
	 * The ids of the current context.
	 * @return the ids, or {@code null} outside any agent request
	 */
	public static @Nullable AgentCorrelation current() {
		return from(Context.current());
	}

	/**
	 * The ids a context carries.
	 * @param context the context
	 * @return the ids, or {@code null} when it carries none
	 */
	public static @Nullable AgentCorrelation from(Context context) {
		return context.get(KEY);
	}

	/**
	 * Make the caller's user id current, until the scope is closed.
	 * @param userId the authenticated caller's id, never a credential
	 * @return the scope to close
	 */
	public static Scope openUser(String userId) {
		Context context = Context.current();
		AgentCorrelation current = from(context);
		return context.with(KEY, new AgentCorrelation((current != null) ? current.runId : null, userId)).makeCurrent();
	}

	/**
	 * Make a run's id current, next to the caller's user id, until the scope is closed.
	 * @param runId the run id
	 * @return the scope to close
	 */
	public static Scope openRun(String runId) {
		return withRun(Context.current(), runId).makeCurrent();
	}

	/**
	 * A context that carries a run's id next to the user id of the given context: a span
	 * started under it keeps it in the context its scopes attach, on any thread.
	 * @param context the context the run starts in
	 * @param runId the run id
	 * @return the context with the run's ids
	 */
	public static Context withRun(Context context, String runId) {
		AgentCorrelation current = from(context);
		return context.with(KEY, new AgentCorrelation(runId, (current != null) ? current.userId : null));
	}

	/**
	 * The run id of the current context.
	 * @return the run id, or {@code null} outside an agent run
	 */
	public static @Nullable String currentRunId() {
		AgentCorrelation current = current();
		return (current != null) ? current.runId : null;
	}

	/**
	 * The user id of the current context.
	 * @return the user id, or {@code null} outside an authenticated agent request
	 */
	public static @Nullable String currentUserId() {
		AgentCorrelation current = current();
		return (current != null) ? current.userId : null;
	}

	/**
	 * A context whose baggage also holds the ids it carries, as {@code run_id} and
	 * {@code user_id}, for the {@code baggage} header of an outgoing request.
	 * @param context the context of the request
	 * @return the context with the ids in its baggage, or the same context when it
	 * carries none
	 */
	public static Context withBaggage(Context context) {
		AgentCorrelation correlation = from(context);
		if (correlation == null) {
			return context;
		}
		BaggageBuilder baggage = Baggage.fromContext(context).toBuilder();
		if (correlation.runId != null) {
			baggage.put(CorrelationKeys.RUN_ID, correlation.runId);
		}
		if (correlation.userId != null) {
			baggage.put(CorrelationKeys.USER_ID, correlation.userId);
		}
		return context.with(baggage.build());
	}

	/**
	 * The run's id.
	 * @return the run id, or {@code null} outside an agent run
	 */
	public @Nullable String runId() {
		return this.runId;
	}

	/**
	 * The caller's id.
	 * @return the user id, or {@code null} before authentication
	 */
	public @Nullable String userId() {
		return this.userId;
	}

	@Override
	public String toString() {
		return "AgentCorrelation{runId=" + this.runId + ", userId=" + this.userId + "}";
	}

}
