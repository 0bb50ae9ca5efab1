package io.fastagentic.export;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Counts what happens to finished spans on their way to the collector: exported, dropped
 * because an export failed, dropped because the export queue was full; over the
 * application's life and over the last minute. Knows whether an export call is under way
 * (the OTLP exporter retries a failing call inside it, so a call that lasts is a
 * collector that does not answer), and tells the log about an outage once when it starts,
 * once a minute while it lasts, and once when exports succeed again. Updated from the
 * exporter thread and from the threads that end spans, read by the health check; never
 * blocks either.
 *
 * @author FastAgentic
 */
public final class SpanExportMonitor {

	/**
	 * How often an ongoing outage is summed up in the log.
	 */
	static final Duration SUMMARY_INTERVAL = Duration.ofMinutes(1);

	/**
	 * The span of the recent counts.
	 */
	public static final Duration RECENT_WINDOW = Duration.ofMillis(RecentWindow.SLICE_MILLIS * RecentWindow.SLICES);

	private static final Log logger = LogFactory.getLog(SpanExportMonitor.class);

	private final Clock clock;

	private final LongAdder exported = new LongAdder();

	private final LongAdder failedExport = new LongAdder();

	private final LongAdder queueFull = new LongAdder();

	private final AtomicInteger consecutiveFailures = new AtomicInteger();

	private final AtomicInteger inFlight = new AtomicInteger();

	private final RecentWindow recent = new RecentWindow();

	private final Object outageLock = new Object();

	private volatile @Nullable Instant inFlightSince;

	private volatile @Nullable LastExport lastExport;

	private volatile @Nullable Instant lastSuccess;

	private volatile @Nullable Outage outage;

	private volatile @Nullable ExportDestination destination;

	/**
	 * Create a monitor that stamps exports with the given clock.
	 * @param clock the clock
	 */
	public SpanExportMonitor(Clock clock) {
		this.clock = clock;
	}

	/**
	 * Say where spans go, once the collector exporters are known.
	 * @param destination the collector, or {@code null} when spans stay in the
	 * application
	 */
	public void exportingTo(@Nullable ExportDestination destination) {
		this.destination = destination;
	}

	/**
	 * Where spans go.
	 * @return the collector, or {@code null} when spans stay in the application
	 */
	public @Nullable ExportDestination destination() {
		return this.destination;
	}

	/**
	 * Record that an export call starts.
	 * @return when it started, to hand back to
	 * {@link #recordExport(Instant, int, boolean, Throwable)}
	 */
	public Instant exportStarted() {
		Instant now = this.clock.instant();
		if (this.inFlight.getAndIncrement() == 0) {
			this.inFlightSince = now;
		}
		return now;
	}

	/**
	 * Record the outcome of one export call.
	 * @param started when the call started
	 * @param spans how many spans the call carried
	 * @param success whether the collector accepted them
	 * @param failure why it failed, if known
	 */
	public void recordExport(Instant started, int spans, boolean success, @Nullable Throwable failure) {
		if (this.inFlight.decrementAndGet() <= 0) {
			this.inFlight.set(0);
			this.inFlightSince = null;
		}
		Instant now = this.clock.instant();
		String error = (failure != null) ? describe(failure) : (success ? null : "the exporter reported a failure");
		if (success) {
			this.exported.add(spans);
			this.recent.addExported(now.toEpochMilli(), spans);
			this.consecutiveFailures.set(0);
			this.lastSuccess = now;
		}
		else {
			this.failedExport.add(spans);
			this.recent.addLost(now.toEpochMilli(), spans);
			this.consecutiveFailures.incrementAndGet();
		}
		this.lastExport = new LastExport(now, success, error);
		String message = updateOutage(started, now, spans, success, error);
		if (message != null) {
			if (success) {
				logger.info(message);
			}
			else {
				logger.warn(message);
			}
		}
	}

	/**
	 * Record spans the batch processor dropped because its queue was full.
	 * @param spans how many
	 */
	public void recordQueueFull(long spans) {
		this.queueFull.add(spans);
		this.recent.addLost(this.clock.millis(), spans);
	}

	/**
	 * A consistent-enough view for reporting.
	 * @return the current counts
	 */
	public Snapshot snapshot() {
		Instant now = this.clock.instant();
		RecentWindow.Totals totals = this.recent.totals(now.toEpochMilli());
		Outage current = this.outage;
		return new Snapshot(now, this.exported.sum(), this.failedExport.sum(), this.queueFull.sum(),
				this.consecutiveFailures.get(), this.lastExport, this.lastSuccess, this.inFlightSince,
				(current != null) ? current.since : null,
				new Recent(totals.exported(), totals.lost(), totals.slicesWithLoss()));
	}

	private @Nullable String updateOutage(Instant started, Instant now, int spans, boolean success,
			@Nullable String error) {
		synchronized (this.outageLock) {
			Outage current = this.outage;
			long lost = lost();
			if (success) {
				if (current == null) {
					return null;
				}
				this.outage = null;
				return "Trace export to %s succeeds again after %d s; %d spans were dropped during the outage."
					.formatted(endpoint(), Duration.between(current.since, now).toSeconds(), lost - current.lostBefore);
			}
			if (current == null) {
				this.outage = new Outage(started, now, lost - spans, lost);
				return ("Trace export to %s is failing (%s): spans are dropped until the collector answers. "
						+ "A summary follows every %d s while this lasts; the exporter's own error log is quiet.")
					.formatted(endpoint(), error, SUMMARY_INTERVAL.toSeconds());
			}
			if (Duration.between(current.lastSummary, now).compareTo(SUMMARY_INTERVAL) < 0) {
				return null;
			}
			String summary = "Trace export to %s still failing after %d s (%s): %d spans dropped in the last %d s."
				.formatted(endpoint(), Duration.between(current.since, now).toSeconds(), error,
						lost - current.lostAtSummary, Duration.between(current.lastSummary, now).toSeconds());
			current.lastSummary = now;
			current.lostAtSummary = lost;
			return summary;
		}
	}

	private long lost() {
		return this.failedExport.sum() + this.queueFull.sum();
	}

	private String endpoint() {
		ExportDestination current = this.destination;
		return (current != null) ? current.endpoint() : "the collector";
	}

	/**
	 * What failed, as an operator reads it: the exporter's own wrapper left out, the root
	 * cause added when the failure itself says nothing.
	 */
	static String describe(Throwable failure) {
		Throwable shown = failure;
		while (shown.getCause() != null && shown.getClass().getSimpleName().endsWith("ExportException")) {
			shown = shown.getCause();
		}
		String text = text(shown);
		Throwable root = shown;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return (shown.getMessage() == null && root != shown) ? text + " (" + text(root) + ")" : text;
	}

	private static String text(Throwable failure) {
		String message = failure.getMessage();
		return (message != null) ? failure.getClass().getSimpleName() + ": " + message
				: failure.getClass().getSimpleName();
	}

	private static final class Outage {

		private final Instant since;

		private final long lostBefore;

		private Instant lastSummary;

		private long lostAtSummary;

		Outage(Instant since, Instant now, long lostBefore, long lost) {
			this.since = since;
			this.lostBefore = lostBefore;
			this.lastSummary = now;
			this.lostAtSummary = lost;
		}

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
	 * Counts over the last {@link #RECENT_WINDOW}.
	 *
	 * @param exported spans the collector accepted
	 * @param dropped spans lost, whatever the reason
	 * @param slicesWithDrops how many of the window's twelve five-second slices lost
	 * spans: one means a single incident, more means the loss goes on
	 */
	public record Recent(long exported, long dropped, int slicesWithDrops) {

		/**
		 * The share of spans lost.
		 * @return dropped over exported plus dropped, {@code 0} when nothing happened
		 */
		public double dropRatio() {
			long total = this.exported + this.dropped;
			return (total > 0) ? (double) this.dropped / total : 0;
		}

	}

	/**
	 * Counts at one moment.
	 *
	 * @param time when the snapshot was taken
	 * @param exported spans the collector accepted
	 * @param droppedExportFailed spans lost because their export failed
	 * @param droppedQueueFull spans lost because the export queue was full
	 * @param consecutiveFailures export calls that failed since the last success
	 * @param lastExport the last export call, or {@code null} before the first
	 * @param lastSuccess when an export last succeeded, or {@code null} before the first
	 * @param exportInFlightSince when the oldest export call still under way started, or
	 * {@code null} when none is
	 * @param failingSince when the first export call that failed since the last success
	 * started, or {@code null} when exports succeed
	 * @param recent counts over the last {@link #RECENT_WINDOW}
	 */
	public record Snapshot(Instant time, long exported, long droppedExportFailed, long droppedQueueFull,
			int consecutiveFailures, @Nullable LastExport lastExport, @Nullable Instant lastSuccess,
			@Nullable Instant exportInFlightSince, @Nullable Instant failingSince, Recent recent) {

		/**
		 * All spans lost, whatever the reason.
		 * @return the number of dropped spans
		 */
		public long dropped() {
			return this.droppedExportFailed + this.droppedQueueFull;
		}

	}

}
