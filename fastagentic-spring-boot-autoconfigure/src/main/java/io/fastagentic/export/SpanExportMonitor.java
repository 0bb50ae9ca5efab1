package io.fastagentic.export;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import org.jspecify.annotations.Nullable;

/**
 * Counts what happens to finished spans on their way to the collector: exported, dropped
 * because an export failed, dropped because the export queue was full. Updated from the
 * exporter thread, read by the health check; never blocks either.
 *
 * @author FastAgentic
 */
public final class SpanExportMonitor {

	private final Clock clock;

	private final LongAdder exported = new LongAdder();

	private final LongAdder failedExport = new LongAdder();

	private final LongAdder queueFull = new LongAdder();

	private final AtomicInteger consecutiveFailures = new AtomicInteger();

	private volatile @Nullable LastExport lastExport;

	/**
	 * Create a monitor that stamps exports with the given clock.
	 * @param clock the clock
	 */
	public SpanExportMonitor(Clock clock) {
		this.clock = clock;
	}

	/**
	 * Record the outcome of one export call.
	 * @param spans how many spans the call carried
	 * @param success whether the collector accepted them
	 * @param failure why it failed, if known
	 */
	public void recordExport(int spans, boolean success, @Nullable Throwable failure) {
		if (success) {
			this.exported.add(spans);
			this.consecutiveFailures.set(0);
		}
		else {
			this.failedExport.add(spans);
			this.consecutiveFailures.incrementAndGet();
		}
		this.lastExport = new LastExport(this.clock.instant(), success, (failure != null) ? describe(failure) : null);
	}

	/**
	 * Record spans the batch processor dropped because its queue was full.
	 * @param spans how many
	 */
	public void recordQueueFull(long spans) {
		this.queueFull.add(spans);
	}

	/**
	 * A consistent-enough view for reporting.
	 * @return the current counts
	 */
	public Snapshot snapshot() {
		return new Snapshot(this.exported.sum(), this.failedExport.sum(), this.queueFull.sum(),
				this.consecutiveFailures.get(), this.lastExport);
	}

	private static String describe(Throwable failure) {
		String message = failure.getMessage();
		return (message != null) ? failure.getClass().getSimpleName() + ": " + message
				: failure.getClass().getSimpleName();
	}

	/**
	 * The last export call.
	 *
	 * @param time when it completed
	 * @param success whether it succeeded
	 * @param error why it failed, when known
	 */
	public record LastExport(Instant time, boolean success, @Nullable String error) {
	}

	/**
	 * Counts at one moment.
	 *
	 * @param exported spans the collector accepted
	 * @param droppedExportFailed spans lost because their export failed
	 * @param droppedQueueFull spans lost because the export queue was full
	 * @param consecutiveFailures export calls that failed since the last success
	 * @param lastExport the last export call, or {@code null} before the first
	 */
	public record Snapshot(long exported, long droppedExportFailed, long droppedQueueFull, int consecutiveFailures,
			@Nullable LastExport lastExport) {

		/**
		 * All spans lost, whatever the reason.
		 * @return the number of dropped spans
		 */
		public long dropped() {
			return this.droppedExportFailed + this.droppedQueueFull;
		}

	}

}
