package io.fastagentic.viewer;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Which recent traces to list. Every criterion that is set must match.
 *
 * @param runId only the trace of this run (the {@code run_id} attribute of any of its
 * spans), or {@code null} for any
 * @param traceId only the trace with this id, or {@code null} for any
 * @param errorsOnly whether only traces with a span in error are listed
 * @author FastAgentic
 */
public record TraceQuery(@Nullable String runId, @Nullable String traceId, boolean errorsOnly) {

	/**
	 * Create a query; blank ids are ignored and trace ids are matched in lower case.
	 * @param runId the run id, or {@code null}
	 * @param traceId the trace id, or {@code null}
	 * @param errorsOnly whether only traces in error are listed
	 */
	public TraceQuery(@Nullable String runId, @Nullable String traceId, boolean errorsOnly) {
		this.runId = normalize(runId);
		String trace = normalize(traceId);
		this.traceId = (trace != null) ? trace.toLowerCase(Locale.ROOT) : null;
		this.errorsOnly = errorsOnly;
	}

	/**
	 * A query that lists every recent trace.
	 * @return the query
	 */
	public static TraceQuery all() {
		return new TraceQuery(null, null, false);
	}

	/**
	 * Whether a trace matches this query.
	 * @param trace the trace's summary
	 * @return {@code true} if it is to be listed
	 */
	public boolean matches(TraceSummary trace) {
		return (this.runId == null || this.runId.equals(trace.runId()))
				&& (this.traceId == null || this.traceId.equals(trace.traceId()))
				&& (!this.errorsOnly || trace.error());
	}

	private static @Nullable String normalize(@Nullable String value) {
		if (value == null) {
			return null;
		}
		String trimmed = value.trim();
		return trimmed.isEmpty() ? null : trimmed;
	}

}
