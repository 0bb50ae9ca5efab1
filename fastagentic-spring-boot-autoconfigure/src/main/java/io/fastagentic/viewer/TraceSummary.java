package io.fastagentic.viewer;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One recent trace, as listed.
 *
 * @param traceId the trace id (32 hex digits)
 * @param rootName the name of the trace's root span, or of its earliest span while the
 * root has not ended yet
 * @param start when the earliest span started
 * @param startEpochNanos the same, in nanoseconds since the epoch
 * @param durationNanos from the earliest start to the latest end, in nanoseconds
 * @param status {@code ERROR} if any span has an error status, {@code OK} otherwise
 * @param spanCount the spans kept
 * @param droppedSpans spans of the trace not kept because it had too many
 * @param runId the {@code run_id} attribute of the trace's spans, if any
 * @param userId the {@code user_id} attribute of the trace's spans, if any
 * @author FastAgentic
 */
public record TraceSummary(String traceId, String rootName, Instant start, long startEpochNanos, long durationNanos,
		String status, int spanCount, long droppedSpans, @Nullable String runId, @Nullable String userId) {

	/**
	 * Status of a trace with at least one span in error.
	 */
	public static final String ERROR = "ERROR";

	/**
	 * Status of a trace without a span in error.
	 */
	public static final String OK = "OK";

	/**
	 * Whether any span of the trace has an error status.
	 * @return {@code true} for a trace in error
	 */
	public boolean error() {
		return ERROR.equals(this.status);
	}

}
