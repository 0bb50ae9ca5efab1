package io.fastagentic.viewer;

import java.time.Duration;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Which recent traces to list. Every criterion that is set must match; blank texts are
 * not set.
 *
 * @param runId only the trace of this run (the {@code run_id} attribute of any of its
 * spans)
 * @param traceId only the trace with this id (matched in lower case)
 * @param status only the traces with this status
 * @param endpoint only the traces of this agent endpoint
 * ({@link TraceSummary#endpoint()})
 * @param model only the traces that used this model
 * @param minDuration only the traces that lasted at least this long
 * @param minCost only the traces that cost at least this much (USD); a trace without a
 * cost does not match
 * @param search only the traces with a span whose name or an attribute value contains
 * this text, ignoring case
 * @author FastAgentic
 */
public record TraceQuery(@Nullable String runId, @Nullable String traceId, @Nullable TraceStatus status,
		@Nullable String endpoint, @Nullable String model, @Nullable Duration minDuration, @Nullable Double minCost,
		@Nullable String search) {

	/**
	 * Create a query; blank texts are ignored and trace ids are matched in lower case.
	 * @param runId the run id, or {@code null}
	 * @param traceId the trace id, or {@code null}
	 * @param status the status, or {@code null}
	 * @param endpoint the agent endpoint, or {@code null}
	 * @param model the model, or {@code null}
	 * @param minDuration the minimum duration, or {@code null}
	 * @param minCost the minimum cost in USD, or {@code null}
	 * @param search the text to search for, or {@code null}
	 */
	public TraceQuery(@Nullable String runId, @Nullable String traceId, @Nullable TraceStatus status,
			@Nullable String endpoint, @Nullable String model, @Nullable Duration minDuration, @Nullable Double minCost,
			@Nullable String search) {
		this.runId = normalize(runId);
		String trace = normalize(traceId);
		this.traceId = (trace != null) ? trace.toLowerCase(Locale.ROOT) : null;
		this.status = status;
		this.endpoint = normalize(endpoint);
		this.model = normalize(model);
		this.minDuration = minDuration;
		this.minCost = minCost;
		this.search = normalize(search);
	}

	/**
	 * A query that lists every recent trace.
	 * @return the query
	 */
	public static TraceQuery all() {
		return new TraceQuery(null, null, null, null, null, null, null, null);
	}

	/**
	 * Whether a trace's summary matches this query; the {@link #search()} text, which
	 * needs the spans, is left to the caller.
	 * @param trace the trace's summary
	 * @return {@code true} if it is to be listed as far as its summary tells
	 */
	public boolean matches(TraceSummary trace) {
		return (this.runId == null || this.runId.equals(trace.runId()))
				&& (this.traceId == null || this.traceId.equals(trace.traceId()))
				&& (this.status == null || this.status == trace.status())
				&& (this.endpoint == null || this.endpoint.equals(trace.endpoint()))
				&& (this.model == null || trace.models().contains(this.model))
				&& (this.minDuration == null || trace.durationNanos() >= this.minDuration.toNanos())
				&& (this.minCost == null || (trace.cost() != null && trace.cost() >= this.minCost));
	}

	private static @Nullable String normalize(@Nullable String value) {
		if (value == null) {
			return null;
		}
		String trimmed = value.trim();
		return trimmed.isEmpty() ? null : trimmed;
	}

}
