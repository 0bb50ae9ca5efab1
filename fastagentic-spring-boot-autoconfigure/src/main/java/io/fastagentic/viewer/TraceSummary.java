package io.fastagentic.viewer;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One recent trace, as listed: what ran, for whom, how long, what it cost.
 *
 * @param traceId the trace id (32 hex digits)
 * @param rootName the name of the trace's root span, or of its earliest span while the
 * root has not ended yet
 * @param start when the earliest span started
 * @param startEpochNanos the same, in nanoseconds since the epoch
 * @param durationNanos from the earliest start to the latest end, in nanoseconds
 * @param status {@link TraceStatus#ERROR} if any span has an error status,
 * {@link TraceStatus#OK} otherwise
 * @param spanCount the spans kept
 * @param droppedSpans spans of the trace not kept because it had too many
 * @param runId the {@code run_id} attribute of the trace's spans, if any
 * @param userId the {@code user_id} attribute of the trace's spans, if any
 * @param serviceName the {@code service.name} of the application that recorded the spans,
 * if any
 * @param endpoint the agent endpoint (the {@code endpoint} attribute of its
 * {@code agent.run} span), else the root span's {@code http.route}, if any
 * @param models the models of its agent runs and LLM calls, first seen first (at most
 * {@value RunTotals#MAX_MODELS})
 * @param llmCalls how many LLM calls it made
 * @param toolCalls how many tool calls it made
 * @param promptTokens the prompt (input) tokens of its LLM calls, if any reported usage
 * @param completionTokens the completion (output) tokens of its LLM calls, if any
 * reported usage
 * @param totalTokens the prompt and completion tokens, if any LLM call reported usage
 * @param cost the cost of its LLM calls in USD, if any was priced
 * @author FastAgentic
 */
public record TraceSummary(String traceId, String rootName, Instant start, long startEpochNanos, long durationNanos,
		TraceStatus status, int spanCount, long droppedSpans, @Nullable String runId, @Nullable String userId,
		@Nullable String serviceName, @Nullable String endpoint, List<String> models, long llmCalls, long toolCalls,
		@Nullable Long promptTokens, @Nullable Long completionTokens, @Nullable Long totalTokens,
		@Nullable Double cost) {

	/**
	 * Whether any span of the trace has an error status.
	 * @return {@code true} for a trace in error
	 */
	public boolean error() {
		return this.status == TraceStatus.ERROR;
	}

}
