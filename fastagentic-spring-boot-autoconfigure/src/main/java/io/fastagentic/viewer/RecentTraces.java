package io.fastagentic.viewer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.fastagentic.export.InProcessSpanExporter;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The most recent traces, kept in memory for the local trace viewer. An
 * {@link InProcessSpanExporter}: Spring Boot's batch span processor hands it every span
 * it exports (after sampling), on the processor's thread, so recording costs a request no
 * more than handing its spans to the processor.
 * <p>
 * Memory is bounded: at most {@code maxTraces} traces, the one that received a span least
 * recently evicted first (so a long run still receiving spans stays), and at most
 * {@code maxSpansPerTrace} spans per trace; later spans of a larger trace are counted and
 * their status and times still count in the summary, but they are not kept, except the
 * trace's root span, which is always kept. Recording a span is constant time; listing is
 * linear in the number of traces kept. Thread-safe.
 *
 * @author FastAgentic
 */
public final class RecentTraces implements InProcessSpanExporter {

	/**
	 * The default number of traces kept.
	 */
	public static final int DEFAULT_MAX_TRACES = 200;

	/**
	 * The default number of spans kept per trace.
	 */
	public static final int DEFAULT_MAX_SPANS_PER_TRACE = 1000;

	private static final AttributeKey<String> RUN_ID = AttributeKey.stringKey("run_id");

	private static final AttributeKey<String> USER_ID = AttributeKey.stringKey("user_id");

	private final int maxSpansPerTrace;

	private final Object lock = new Object();

	/**
	 * Traces by id, the one that received a span least recently first. Guarded by
	 * {@link #lock}.
	 */
	private final LinkedHashMap<String, TraceRecord> traces;

	/**
	 * The id of the trace that received the last span (the last entry of
	 * {@link #traces}), so that a batch of one trace's spans does not reorder the map for
	 * each. Guarded by {@link #lock}.
	 */
	private @Nullable String lastTraceId;

	/**
	 * Keep {@link #DEFAULT_MAX_TRACES} traces of at most
	 * {@link #DEFAULT_MAX_SPANS_PER_TRACE} spans each.
	 */
	public RecentTraces() {
		this(DEFAULT_MAX_TRACES, DEFAULT_MAX_SPANS_PER_TRACE);
	}

	/**
	 * Keep at most {@code maxTraces} traces of at most {@code maxSpansPerTrace} spans
	 * each.
	 * @param maxTraces how many traces to keep, at least 1
	 * @param maxSpansPerTrace how many spans to keep per trace, at least 1
	 */
	public RecentTraces(int maxTraces, int maxSpansPerTrace) {
		Assert.isTrue(maxTraces > 0, () -> "The number of traces kept must be positive, not " + maxTraces);
		Assert.isTrue(maxSpansPerTrace > 0,
				() -> "The number of spans kept per trace must be positive, not " + maxSpansPerTrace);
		this.maxSpansPerTrace = maxSpansPerTrace;
		this.traces = new LinkedHashMap<>() {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, TraceRecord> eldest) {
				return size() > maxTraces;
			}

		};
	}

	@Override
	public CompletableResultCode export(Collection<SpanData> spans) {
		synchronized (this.lock) {
			for (SpanData span : spans) {
				record(span);
			}
		}
		return CompletableResultCode.ofSuccess();
	}

	private void record(SpanData span) {
		String traceId = span.getTraceId();
		TraceRecord trace;
		if (traceId.equals(this.lastTraceId)) {
			trace = this.traces.get(traceId);
		}
		else {
			// Remove and put again: the trace becomes the most recent one.
			trace = this.traces.remove(traceId);
			if (trace == null) {
				trace = new TraceRecord(traceId);
			}
			this.traces.put(traceId, trace);
			this.lastTraceId = traceId;
		}
		trace.add(span, this.maxSpansPerTrace);
	}

	/**
	 * The recent traces matching a query, latest start first.
	 * @param query which traces
	 * @return their summaries
	 */
	public List<TraceSummary> find(TraceQuery query) {
		List<TraceSummary> found = new ArrayList<>();
		synchronized (this.lock) {
			for (TraceRecord trace : this.traces.values()) {
				TraceSummary summary = trace.summary();
				if (query.matches(summary)) {
					found.add(summary);
				}
			}
		}
		found.sort(Comparator.comparingLong(TraceSummary::startEpochNanos).reversed());
		return found;
	}

	/**
	 * One recent trace with its spans.
	 * @param traceId the trace id
	 * @return the trace, or {@code null} if it is not (or no longer) kept
	 */
	public @Nullable RecordedTrace get(String traceId) {
		TraceSummary summary;
		List<SpanData> spans;
		synchronized (this.lock) {
			TraceRecord trace = this.traces.get(traceId);
			if (trace == null) {
				return null;
			}
			summary = trace.summary();
			spans = new ArrayList<>(trace.spans);
		}
		return new RecordedTrace(summary,
				spans.stream()
					.sorted(Comparator.comparingLong(SpanData::getStartEpochNanos))
					.map(RecordedSpan::of)
					.toList());
	}

	/**
	 * How many traces are kept.
	 * @return the number of traces
	 */
	public int size() {
		synchronized (this.lock) {
			return this.traces.size();
		}
	}

	@Override
	public CompletableResultCode flush() {
		return CompletableResultCode.ofSuccess();
	}

	@Override
	public CompletableResultCode shutdown() {
		return CompletableResultCode.ofSuccess();
	}

	@Override
	public String toString() {
		return "RecentTraces";
	}

	/**
	 * What is kept of one trace, with its summary maintained as spans arrive. Guarded by
	 * the store's lock.
	 */
	private static final class TraceRecord {

		private final String traceId;

		private final List<SpanData> spans = new ArrayList<>();

		private @Nullable SpanData root;

		private @Nullable SpanData earliest;

		private long start = Long.MAX_VALUE;

		private long end = Long.MIN_VALUE;

		private boolean error;

		private long dropped;

		private @Nullable String runId;

		private @Nullable String userId;

		TraceRecord(String traceId) {
			this.traceId = traceId;
		}

		void add(SpanData span, int maxSpans) {
			boolean isRoot = isRoot(span);
			if (this.spans.size() < maxSpans || (isRoot && this.root == null)) {
				this.spans.add(span);
				if (isRoot && (this.root == null || span.getStartEpochNanos() < this.root.getStartEpochNanos())) {
					this.root = span;
				}
				if (this.earliest == null || span.getStartEpochNanos() < this.earliest.getStartEpochNanos()) {
					this.earliest = span;
				}
			}
			else {
				this.dropped++;
			}
			this.start = Math.min(this.start, span.getStartEpochNanos());
			this.end = Math.max(this.end, span.getEndEpochNanos());
			this.error |= span.getStatus().getStatusCode() == StatusCode.ERROR;
			if (this.runId == null) {
				this.runId = span.getAttributes().get(RUN_ID);
			}
			if (this.userId == null) {
				this.userId = span.getAttributes().get(USER_ID);
			}
		}

		TraceSummary summary() {
			SpanData named = (this.root != null) ? this.root : this.earliest;
			return new TraceSummary(this.traceId, (named != null) ? named.getName() : "",
					RecordedSpan.instant(this.start), this.start, Math.max(0, this.end - this.start),
					this.error ? TraceSummary.ERROR : TraceSummary.OK, this.spans.size(), this.dropped, this.runId,
					this.userId);
		}

		/**
		 * A span without a parent in this process: the trace's root, or the first span of
		 * a trace that started in a caller.
		 */
		private static boolean isRoot(SpanData span) {
			SpanContext parent = span.getParentSpanContext();
			return !parent.isValid() || parent.isRemote();
		}

	}

}
