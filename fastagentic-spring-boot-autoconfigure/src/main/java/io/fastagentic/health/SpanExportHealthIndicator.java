package io.fastagentic.health;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.fastagentic.export.ExportDestination;
import io.fastagentic.export.SpanExportMonitor;
import io.fastagentic.export.SpanExportMonitor.LastExport;
import io.fastagentic.export.SpanExportMonitor.Recent;
import io.fastagentic.export.SpanExportMonitor.Snapshot;
import io.fastagentic.sampling.SamplingMonitor;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * Health of the trace export, from what the exporter already recorded: the health call
 * itself never touches the network. {@code UNKNOWN} when nothing is exported, {@code UP}
 * while exports succeed, and the failing status ({@link #DEGRADED} unless configured
 * otherwise) when the loss is sustained: no export has succeeded, or one call has been
 * retrying, for the outage threshold; or at least the drop ratio of the spans of the last
 * minute were lost, in more than one five-second slice of it (so one failed batch is not
 * an outage).
 * <p>
 * {@code DEGRADED} is not in Spring Boot's default status order, so the aggregate
 * {@code /actuator/health} leaves it out and stays {@code UP} (HTTP 200): a collector
 * outage never takes the application out of a load balancer. Not part of the liveness or
 * readiness groups either.
 *
 * @author FastAgentic
 */
public final class SpanExportHealthIndicator extends AbstractHealthIndicator {

	/**
	 * Trace export is losing spans; the application itself is fine.
	 */
	public static final Status DEGRADED = new Status("DEGRADED", "Trace export is losing spans");

	private final SpanExportMonitor monitor;

	private final @Nullable SamplingMonitor sampling;

	private final Duration outageAfter;

	private final double maxDropRatio;

	private final Status failingStatus;

	/**
	 * Create an indicator.
	 * @param monitor the export counts
	 * @param sampling the counts of rule-based sampling, or {@code null} when no rule is
	 * on
	 * @param outageAfter how long exports may fail, or one call retry, before the status
	 * turns
	 * @param maxDropRatio the share of the last minute's spans that may be lost
	 * @param failingStatus the status reported for a sustained loss
	 */
	public SpanExportHealthIndicator(SpanExportMonitor monitor, @Nullable SamplingMonitor sampling,
			Duration outageAfter, double maxDropRatio, Status failingStatus) {
		super("Trace export health check failed");
		this.monitor = monitor;
		this.sampling = sampling;
		this.outageAfter = outageAfter;
		this.maxDropRatio = maxDropRatio;
		this.failingStatus = failingStatus;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		if (this.sampling != null) {
			builder.withDetail("sampling", this.sampling.toMap());
		}
		ExportDestination destination = this.monitor.destination();
		if (destination == null) {
			builder.unknown().withDetail("exporting", false);
			return;
		}
		Snapshot snapshot = this.monitor.snapshot();
		String reason = failingReason(snapshot);
		if (reason != null) {
			builder.status(this.failingStatus).withDetail("reason", reason);
		}
		else {
			builder.up();
		}
		builder.withDetail("exporting", true)
			.withDetail("endpoint", destination.endpoint())
			.withDetail("protocol", destination.protocol());
		LastExport last = snapshot.lastExport();
		if (last != null) {
			builder.withDetail("lastExportTime", last.time().toString())
				.withDetail("lastExportResult", last.success() ? "success" : "failure");
			if (last.error() != null) {
				builder.withDetail("lastExportError", last.error());
			}
		}
		Instant lastSuccess = snapshot.lastSuccess();
		if (lastSuccess != null) {
			builder.withDetail("lastSuccessfulExportTime", lastSuccess.toString())
				.withDetail("secondsSinceLastSuccessfulExport", secondsSince(lastSuccess, snapshot));
		}
		Instant inFlightSince = snapshot.exportInFlightSince();
		if (inFlightSince != null) {
			builder.withDetail("exportInProgressSeconds", secondsSince(inFlightSince, snapshot));
		}
		Instant failingSince = snapshot.failingSince();
		if (failingSince != null) {
			builder.withDetail("failingForSeconds", secondsSince(failingSince, snapshot));
		}
		builder.withDetail("consecutiveFailures", snapshot.consecutiveFailures())
			.withDetail("spansExported", snapshot.exported())
			.withDetail("spansDropped", snapshot.dropped())
			.withDetail("spansDroppedExportFailed", snapshot.droppedExportFailed())
			.withDetail("spansDroppedQueueFull", snapshot.droppedQueueFull())
			.withDetail("recent", recent(snapshot.recent()));
	}

	private @Nullable String failingReason(Snapshot snapshot) {
		Instant failingSince = snapshot.failingSince();
		if (failingSince != null && lasted(failingSince, snapshot)) {
			LastExport last = snapshot.lastExport();
			return "No export has succeeded for %d s (%s)".formatted(secondsSince(failingSince, snapshot),
					(last != null && last.error() != null) ? last.error() : "failed");
		}
		Instant inFlightSince = snapshot.exportInFlightSince();
		if (inFlightSince != null && lasted(inFlightSince, snapshot)) {
			return "An export call has been retrying for %d s without an answer from the collector"
				.formatted(secondsSince(inFlightSince, snapshot));
		}
		Recent recent = snapshot.recent();
		if (recent.slicesWithDrops() > 1 && recent.dropRatio() >= this.maxDropRatio) {
			return "%d of %d spans were dropped in the last %d s".formatted(recent.dropped(),
					recent.exported() + recent.dropped(), SpanExportMonitor.RECENT_WINDOW.toSeconds());
		}
		return null;
	}

	private boolean lasted(Instant since, Snapshot snapshot) {
		return Duration.between(since, snapshot.time()).compareTo(this.outageAfter) >= 0;
	}

	private static long secondsSince(Instant since, Snapshot snapshot) {
		return Duration.between(since, snapshot.time()).toSeconds();
	}

	private static Map<String, Object> recent(Recent recent) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("windowSeconds", SpanExportMonitor.RECENT_WINDOW.toSeconds());
		details.put("spansExported", recent.exported());
		details.put("spansDropped", recent.dropped());
		details.put("dropRatio", Math.round(recent.dropRatio() * 1000) / 1000.0);
		return details;
	}

}
