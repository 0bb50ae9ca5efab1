package io.fastagentic.health;

import io.fastagentic.export.SpanExportMonitor;
import io.fastagentic.export.SpanExportMonitor.LastExport;
import io.fastagentic.export.SpanExportMonitor.Snapshot;
import io.fastagentic.sampling.SamplingMonitor;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Health of the trace export, from what the exporter already recorded: the health call
 * itself never touches the network. {@code DOWN} while the collector keeps failing,
 * {@code UP} otherwise, {@code UNKNOWN} when nothing is exported. Not part of the
 * liveness or readiness groups, so a dead collector never gets the application restarted.
 *
 * @author FastAgentic
 */
public final class SpanExportHealthIndicator extends AbstractHealthIndicator {

	private final SpanExportMonitor monitor;

	private final @Nullable ExportTarget target;

	private final @Nullable SamplingMonitor sampling;

	/**
	 * Create an indicator.
	 * @param monitor the export counts
	 * @param target where spans are exported, or {@code null} when they are not
	 * @param sampling the counts of rule-based sampling, or {@code null} when no rule is
	 * on
	 */
	public SpanExportHealthIndicator(SpanExportMonitor monitor, @Nullable ExportTarget target,
			@Nullable SamplingMonitor sampling) {
		super("Trace export health check failed");
		this.monitor = monitor;
		this.target = target;
		this.sampling = sampling;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		if (this.sampling != null) {
			builder.withDetail("sampling", this.sampling.toMap());
		}
		ExportTarget exportTarget = this.target;
		if (exportTarget == null) {
			builder.unknown().withDetail("exporting", false);
			return;
		}
		Snapshot snapshot = this.monitor.snapshot();
		if (snapshot.consecutiveFailures() > 0) {
			builder.down();
		}
		else {
			builder.up();
		}
		builder.withDetail("exporting", true)
			.withDetail("endpoint", exportTarget.endpoint())
			.withDetail("protocol", exportTarget.protocol());
		LastExport last = snapshot.lastExport();
		if (last != null) {
			builder.withDetail("lastExportTime", last.time().toString())
				.withDetail("lastExportResult", last.success() ? "success" : "failure");
			if (last.error() != null) {
				builder.withDetail("lastExportError", last.error());
			}
		}
		builder.withDetail("consecutiveFailures", snapshot.consecutiveFailures())
			.withDetail("spansExported", snapshot.exported())
			.withDetail("spansDropped", snapshot.dropped())
			.withDetail("spansDroppedExportFailed", snapshot.droppedExportFailed())
			.withDetail("spansDroppedQueueFull", snapshot.droppedQueueFull());
	}

	/**
	 * Where spans go.
	 *
	 * @param endpoint the collector URL without credentials, or the exporter types when
	 * they are not OTLP
	 * @param protocol the OTLP protocol name, or {@code custom}
	 */
	public record ExportTarget(String endpoint, String protocol) {
	}

}
