package io.fastagentic.viewer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.fastagentic.export.InProcessSpanExporter;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
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
 * Memory is bounded three ways: at most {@code maxTraces} traces, at most
 * {@code maxSpansPerTrace} spans per trace, and at most {@code maxSpans} spans in all.
 * When a bound on traces or on all spans is exceeded, the traces that received a span
 * least recently are evicted first (so a long run still receiving spans stays). Later
 * spans of a trace beyond its bound are counted, and their status, times and run totals
 * still count in the summary, but they are not kept, except the trace's root span, which
 * is always kept. Each trace's summary (its run totals included) is maintained as its
 * spans arrive: recording a span is constant time; listing is linear in the number of
 * traces kept, and searching their text linear in the number of spans kept, outside the
 * lock the exporter takes. Thread-safe.
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

	/**
	 * The default number of spans kept in all.
	 */
	public static final int DEFAULT_MAX_SPANS = 10_000;

	private static final AttributeKey<String> RUN_ID = AttributeKey.stringKey("run_id");

	private static final AttributeKey<String> USER_ID = AttributeKey.stringKey("user_id");

	private static final AttributeKey<String> HTTP_ROUTE = AttributeKey.stringKey("http.route");

	private static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");

	private final int maxTraces;

	private final int maxSpansPerTrace;

	private final int maxSpans;

	private final Object lock = new Object();

	/**
	 * Traces by id, the one that received a span least recently first. Guarded by
	 * {@link #lock}.
	 */
	private final LinkedHashMap<String, TraceRecord> traces = new LinkedHashMap<>();

	/**
	 * The spans kept, of all traces. Guarded by {@link #lock}.
	 */
	private int spanCount;

	/**
	 * The id of the trace that received the last span (the last entry of
	 * {@link #traces}), so that a batch of one trace's spans does not reorder the map for
	 * each. Guarded by {@link #lock}.
	 */
	private @Nullable String lastTraceId;

	/**
	 * Keep {@link #DEFAULT_MAX_TRACES} traces of at most
	 * {@link #DEFAULT_MAX_SPANS_PER_TRACE} spans each, {@link #DEFAULT_MAX_SPANS} spans
	 * in all.
	 */
	public RecentTraces() {
		this(DEFAULT_MAX_TRACES, DEFAULT_MAX_SPANS_PER_TRACE, DEFAULT_MAX_SPANS);
	}

	/**
	 * Keep at most {@code maxTraces} traces of at most {@code maxSpansPerTrace} spans
	 * each, and at most {@code maxSpans} spans in all.
	 * @param maxTraces how many traces to keep, at least 1
	 * @param maxSpansPerTrace how many spans to keep per trace, at least 1
	 * @param maxSpans how many spans to keep in all, at least 1; a trace keeps no more
	 * than that either
	 */
	public RecentTraces(int maxTraces, int maxSpansPerTrace, int maxSpans) {
		Assert.isTrue(maxTraces > 0, () -> "The number of traces kept must be positive, not " + maxTraces);
		Assert.isTrue(maxSpansPerTrace > 0,
				() -> "The number of spans kept per trace must be positive, not " + maxSpansPerTrace);
		Assert.isTrue(maxSpans > 0, () -> "The number of spans kept in all must be positive, not " + maxSpans);
		this.maxTraces = maxTraces;
		this.maxSpansPerTrace = Math.min(maxSpansPerTrace, maxSpans);
		this.maxSpans = maxSpans;
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
		if (trace.add(span, this.maxSpansPerTrace)) {
			this.spanCount++;
		}
		evictBeyondBounds(trace);
	}

	/**
	 * Evict the least recently updated traces until the bounds hold again, never the
	 * trace that just received a span (which alone keeps no more spans than the bound,
	 * its root aside).
	 */
	private void evictBeyondBounds(TraceRecord current) {
		Iterator<TraceRecord> eldest = this.traces.values().iterator();
		while ((this.traces.size() > this.maxTraces || this.spanCount > this.maxSpans) && eldest.hasNext()) {
			TraceRecord evicted = eldest.next();
			if (evicted == current) {
				return;
			}
			eldest.remove();
			this.spanCount -= evicted.spans.size();
		}
	}

	/**
	 * The recent traces matching a query, latest start first.
	 * @param query which traces
	 * @return their summaries
	 */
	public List<TraceSummary> find(TraceQuery query) {
		String search = query.search();
		List<TraceSummary> found = new ArrayList<>();
		List<List<SpanData>> spansToSearch = new ArrayList<>();
		synchronized (this.lock) {
			for (TraceRecord trace : this.traces.values()) {
				TraceSummary summary = trace.summary();
				if (query.matches(summary)) {
					found.add(summary);
					if (search != null) {
						spansToSearch.add(new ArrayList<>(trace.spans));
					}
				}
			}
		}
		if (search != null) {
			// Outside the lock (spans are immutable): a search never holds up the
			// exporter.
			List<TraceSummary> mentioned = new ArrayList<>();
			for (int i = 0; i < found.size(); i++) {
				if (mentions(spansToSearch.get(i), search)) {
					mentioned.add(found.get(i));
				}
			}
			found = mentioned;
		}
		found.sort(Comparator.comparingLong(TraceSummary::startEpochNanos).reversed());
		return found;
	}

	/**
	 * Whether the name or an attribute value of a span contains the text, ignoring case.
	 */
	private static boolean mentions(List<SpanData> spans, String text) {
		for (SpanData span : spans) {
			if (contains(span.getName(), text)) {
				return true;
			}
			for (Object value : span.getAttributes().asMap().values()) {
				if (contains(String.valueOf(value), text)) {
					return true;
				}
			}
		}
		return false;
	}

	private static boolean contains(String value, String text) {
		for (int i = 0; i <= value.length() - text.length(); i++) {
			if (value.regionMatches(true, i, text, 0, text.length())) {
				return true;
			}
		}
		return false;
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

	/**
	 * How many spans are kept, of all traces.
	 * @return the number of spans
	 */
	public int spanCount() {
		synchronized (this.lock) {
			return this.spanCount;
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

		private final RunTotals totals = new RunTotals();

		private @Nullable SpanData root;

		private @Nullable SpanData earliest;

		private long start = Long.MAX_VALUE;

		private long end = Long.MIN_VALUE;

		private boolean error;

		private long dropped;

		private @Nullable String runId;

		private @Nullable String userId;

		private @Nullable String serviceName;

		TraceRecord(String traceId) {
			this.traceId = traceId;
		}

		/**
		 * Count a span in, and keep it if there is room.
		 * @return whether the span is kept
		 */
		boolean add(SpanData span, int maxSpans) {
			boolean isRoot = isRoot(span);
			boolean kept = this.spans.size() < maxSpans || (isRoot && this.root == null);
			if (kept) {
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
			Attributes attributes = span.getAttributes();
			if (this.runId == null) {
				this.runId = attributes.get(RUN_ID);
			}
			if (this.userId == null) {
				this.userId = attributes.get(USER_ID);
			}
			if (this.serviceName == null) {
				this.serviceName = span.getResource().getAttribute(SERVICE_NAME);
			}
			this.totals.add(attributes);
			return kept;
		}

		TraceSummary summary() {
			SpanData named = (this.root != null) ? this.root : this.earliest;
			String endpoint = this.totals.endpoint();
			if (endpoint == null && this.root != null) {
				endpoint = this.root.getAttributes().get(HTTP_ROUTE);
			}
			RunTotals.Usage usage = this.totals.usage();
			return new TraceSummary(this.traceId, (named != null) ? named.getName() : "",
					RecordedSpan.instant(this.start), this.start, Math.max(0, this.end - this.start),
					this.error ? TraceStatus.ERROR : TraceStatus.OK, this.spans.size(), this.dropped, this.runId,
					this.userId, this.serviceName, endpoint, this.totals.models(), usage.calls(),
					this.totals.toolCalls(), usage.promptTokens(), usage.completionTokens(), usage.totalTokens(),
					usage.cost());
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
