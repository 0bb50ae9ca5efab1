package io.fastagentic.sampling;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.fastagentic.sampling.SamplingMonitor.KeepReason;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.Clock;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanLimits;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.DelegatingSpanData;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.jspecify.annotations.Nullable;

/**
 * Keeps whole traces that the ratio dropped when their request failed or was slow. Spans
 * that {@link RuleBasedSampler} recorded without sampling are buffered per trace until
 * the trace's local root span ends; then the whole trace goes to the export pipeline (the
 * batch span processor) if a rule keeps it, or is discarded. Late spans of a decided
 * trace follow its decision.
 * <p>
 * Memory is bounded: at most a number of traces and of spans are buffered, the oldest
 * trace is evicted to make room, and a trace whose root has not ended within the timeout
 * (an abandoned stream, say) is evicted too, when the next trace comes. Evictions are
 * counted, never leaked.
 *
 * @author FastAgentic
 */
public final class TailSamplingSpanProcessor implements SpanProcessor {

	private static final AttributeKey<String> STATUS = AttributeKey.stringKey("status");

	private static final AttributeKey<String> HTTP_STATUS = AttributeKey.stringKey("http.response.status_code");

	private static final AttributeKey<Long> HTTP_STATUS_NUMBER = AttributeKey.longKey("http.response.status_code");

	private static final int MAX_REMEMBERED_DECISIONS = 4096;

	private final Supplier<SpanProcessor> exportPipeline;

	private final Rules rules;

	private final Limits limits;

	private final Clock clock;

	private final SamplingMonitor monitor;

	private final Object lock = new Object();

	private final LinkedHashMap<String, TraceBuffer> buffers = new LinkedHashMap<>();

	private final LinkedHashMap<String, Boolean> decisions = new LinkedHashMap<>(64, 0.75f, false) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
			return size() > MAX_REMEMBERED_DECISIONS;
		}

	};

	private final DeferredSpanAttributes deferredAttributes;

	private int bufferedSpans;

	/**
	 * Create a processor.
	 * @param exportPipeline the processor kept traces go to, looked up when first needed
	 * @param rules which traces to keep
	 * @param limits how much may be buffered, and for how long
	 * @param clock the clock of the timeout
	 * @param monitor where decisions are counted
	 * @param spanLimits the SDK's span limits, which attributes deferred until a trace is
	 * kept (see {@link #deferredAttributes()}) keep too
	 */
	public TailSamplingSpanProcessor(Supplier<SpanProcessor> exportPipeline, Rules rules, Limits limits, Clock clock,
			SamplingMonitor monitor, SpanLimits spanLimits) {
		this.exportPipeline = exportPipeline;
		this.rules = rules;
		this.limits = limits;
		this.clock = clock;
		this.monitor = monitor;
		this.deferredAttributes = new DeferredSpanAttributes(spanLimits);
	}

	/**
	 * Where tracing handlers leave the attributes of spans recorded for the rules only,
	 * until this processor knows whether their trace is kept.
	 * @return the deferred attributes of this processor's spans
	 */
	public DeferredSpanAttributes deferredAttributes() {
		return this.deferredAttributes;
	}

	@Override
	public void onStart(Context parentContext, ReadWriteSpan span) {
	}

	@Override
	public boolean isStartRequired() {
		return false;
	}

	@Override
	public void onEnd(ReadableSpan span) {
		SpanContext context = span.getSpanContext();
		boolean localRoot = isLocalRoot(span);
		if (context.isSampled()) {
			if (localRoot) {
				this.monitor.recordKeptByRatio();
			}
			return;
		}
		Recorded recorded = new Recorded(span.toSpanData(), this.deferredAttributes.take(span),
				this.deferredAttributes);
		List<Recorded> kept = localRoot ? decide(recorded) : buffer(recorded);
		if (!kept.isEmpty()) {
			SpanProcessor pipeline = this.exportPipeline.get();
			for (Recorded keptSpan : kept) {
				pipeline.onEnd(new KeptSpan(keptSpan.complete()));
			}
		}
	}

	private List<Recorded> buffer(Recorded span) {
		String traceId = span.data().getTraceId();
		synchronized (this.lock) {
			// Most spans join a buffered trace; a trace is buffered or decided, never
			// both.
			TraceBuffer buffer = this.buffers.get(traceId);
			if (buffer == null) {
				Boolean decided = this.decisions.get(traceId);
				if (decided != null) {
					return decided ? List.of(span) : List.of();
				}
				// Traces are evicted for age only as a new one comes: the clock is read
				// once a trace, not once a span.
				long now = this.clock.nanoTime();
				evictExpired(now);
				buffer = new TraceBuffer(now);
				this.buffers.put(traceId, buffer);
			}
			buffer.spans.add(span);
			this.bufferedSpans++;
			while (this.buffers.size() > this.limits.maxTraces() || this.bufferedSpans > this.limits.maxSpans()) {
				evictEldest();
			}
			this.monitor.recordBuffered(this.buffers.size(), this.bufferedSpans);
		}
		return List.of();
	}

	private List<Recorded> decide(Recorded root) {
		String traceId = root.data().getTraceId();
		List<Recorded> trace;
		KeepReason reason;
		synchronized (this.lock) {
			TraceBuffer buffer = this.buffers.remove(traceId);
			if (buffer != null) {
				this.bufferedSpans -= buffer.spans.size();
				this.monitor.recordBuffered(this.buffers.size(), this.bufferedSpans);
				trace = buffer.spans;
			}
			else {
				trace = new ArrayList<>(1);
			}
			trace.add(root);
			reason = reason(root, trace);
			this.decisions.put(traceId, reason != null);
		}
		if (reason == null) {
			this.monitor.recordDiscarded();
			return List.of();
		}
		this.monitor.recordKept(reason);
		return trace;
	}

	/**
	 * Why a trace is kept, if it is. A root whose attributes were deferred was ended by
	 * one of FastAgentic's tracing handlers, which mark a 5xx answer as an ERROR status
	 * at once: its attributes are not built for the decision.
	 */
	private @Nullable KeepReason reason(Recorded root, List<Recorded> trace) {
		SpanData rootData = root.data();
		if (this.rules.errors() && ((root.deferred() == null && isServerError(rootData)) || anyError(trace))) {
			return KeepReason.ERROR;
		}
		Duration threshold = this.rules.slowThreshold();
		if (threshold != null && rootData.getEndEpochNanos() - rootData.getStartEpochNanos() > threshold.toNanos()) {
			return KeepReason.SLOW;
		}
		return null;
	}

	private static boolean anyError(List<Recorded> trace) {
		for (Recorded span : trace) {
			if (span.data().getStatus().getStatusCode() == StatusCode.ERROR) {
				return true;
			}
		}
		return false;
	}

	private static boolean isServerError(SpanData span) {
		Long number = span.getAttributes().get(HTTP_STATUS_NUMBER);
		if (number != null) {
			return number >= 500;
		}
		String status = span.getAttributes().get(HTTP_STATUS);
		if (status == null) {
			status = span.getAttributes().get(STATUS);
		}
		return status != null && status.length() == 3 && status.charAt(0) == '5';
	}

	private void evictExpired(long now) {
		Iterator<TraceBuffer> oldestFirst = this.buffers.values().iterator();
		while (oldestFirst.hasNext()) {
			TraceBuffer buffer = oldestFirst.next();
			if (now - buffer.firstSpanNanos <= this.limits.timeout().toNanos()) {
				return;
			}
			oldestFirst.remove();
			this.bufferedSpans -= buffer.spans.size();
			this.monitor.recordEvicted();
		}
	}

	private void evictEldest() {
		Iterator<TraceBuffer> oldestFirst = this.buffers.values().iterator();
		TraceBuffer eldest = oldestFirst.next();
		oldestFirst.remove();
		this.bufferedSpans -= eldest.spans.size();
		this.monitor.recordEvicted();
	}

	private static boolean isLocalRoot(ReadableSpan span) {
		SpanContext parent = span.getParentSpanContext();
		return !parent.isValid() || parent.isRemote();
	}

	@Override
	public boolean isEndRequired() {
		return true;
	}

	/**
	 * Which traces dropped by the ratio are kept.
	 *
	 * @param errors whether a failed request keeps its trace (HTTP 5xx on the local root,
	 * or any span with error status)
	 * @param slowThreshold a local root lasting longer keeps its trace, {@code null} for
	 * no such rule
	 */
	public record Rules(boolean errors, @Nullable Duration slowThreshold) {
	}

	/**
	 * Bounds of the buffer.
	 *
	 * @param maxTraces the most traces buffered at once
	 * @param maxSpans the most spans buffered at once
	 * @param timeout how long a trace may wait for its root span
	 */
	public record Limits(int maxTraces, int maxSpans, Duration timeout) {
	}

	/**
	 * A span ended without sampling, with the attributes its tracing handler deferred.
	 */
	private record Recorded(SpanData data, @Nullable Supplier<Attributes> deferred, DeferredSpanAttributes merger) {

		SpanData complete() {
			if (this.deferred == null) {
				return this.data;
			}
			Attributes more = this.deferred.get();
			if (more.isEmpty()) {
				return this.data;
			}
			Attributes attributes = this.merger.merge(this.data.getAttributes(), more);
			int total = this.data.getTotalAttributeCount() + more.size();
			return new DelegatingSpanData(this.data) {

				@Override
				public Attributes getAttributes() {
					return attributes;
				}

				@Override
				public int getTotalAttributeCount() {
					return total;
				}

			};
		}

	}

	private static final class TraceBuffer {

		private final long firstSpanNanos;

		private final List<Recorded> spans = new ArrayList<>();

		TraceBuffer(long firstSpanNanos) {
			this.firstSpanNanos = firstSpanNanos;
		}

	}

}
