package io.fastagentic.sampling;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the decisions of rule-based sampling: traces kept by reason, discarded and
 * evicted, and what is buffered now.
 *
 * @author FastAgentic
 */
public final class SamplingMonitor {

	private final LongAdder keptByRatio = new LongAdder();

	private final LongAdder keptForError = new LongAdder();

	private final LongAdder keptForSlowness = new LongAdder();

	private final LongAdder discarded = new LongAdder();

	private final LongAdder evicted = new LongAdder();

	// Written at every buffered span, read by the health endpoint: a release store is
	// enough (no full fence on the span's path), a volatile read sees it.
	private final AtomicInteger bufferedTraces = new AtomicInteger();

	private final AtomicInteger bufferedSpans = new AtomicInteger();

	void recordKeptByRatio() {
		this.keptByRatio.increment();
	}

	void recordKept(KeepReason reason) {
		(reason == KeepReason.ERROR ? this.keptForError : this.keptForSlowness).increment();
	}

	void recordDiscarded() {
		this.discarded.increment();
	}

	void recordEvicted() {
		this.evicted.increment();
	}

	void recordBuffered(int traces, int spans) {
		this.bufferedTraces.lazySet(traces);
		this.bufferedSpans.lazySet(spans);
	}

	/**
	 * Traces kept for a reason.
	 * @param reason {@code ratio}, {@code error} or {@code slow}
	 * @return how many
	 */
	public long kept(String reason) {
		return switch (reason) {
			case "ratio" -> this.keptByRatio.sum();
			case "error" -> this.keptForError.sum();
			case "slow" -> this.keptForSlowness.sum();
			default -> throw new IllegalArgumentException("Unknown reason '" + reason + "': ratio, error or slow");
		};
	}

	/**
	 * Traces dropped by the ratio that no rule kept.
	 * @return how many
	 */
	public long discarded() {
		return this.discarded.sum();
	}

	/**
	 * Traces dropped from the buffer because it was full or their root never ended.
	 * @return how many
	 */
	public long evicted() {
		return this.evicted.sum();
	}

	/**
	 * Traces buffered now, waiting for their local root span to end.
	 * @return how many
	 */
	public int bufferedTraces() {
		return this.bufferedTraces.get();
	}

	/**
	 * Spans buffered now.
	 * @return how many
	 */
	public int bufferedSpans() {
		return this.bufferedSpans.get();
	}

	/**
	 * All counts, for reporting.
	 * @return counts by name
	 */
	public Map<String, Object> toMap() {
		Map<String, Object> counts = new LinkedHashMap<>();
		counts.put("keptByRatio", this.keptByRatio.sum());
		counts.put("keptForError", this.keptForError.sum());
		counts.put("keptForSlowness", this.keptForSlowness.sum());
		counts.put("discarded", this.discarded.sum());
		counts.put("evicted", this.evicted.sum());
		counts.put("bufferedTraces", this.bufferedTraces.get());
		counts.put("bufferedSpans", this.bufferedSpans.get());
		return counts;
	}

	/**
	 * Why a trace the ratio dropped was kept.
	 */
	enum KeepReason {

		/**
		 * The request failed.
		 */
		ERROR,

		/**
		 * The local root span lasted longer than the threshold.
		 */
		SLOW

	}

}
