package io.fastagentic.health;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.fastagentic.export.ExportDestination;
import io.fastagentic.export.SpanExportMonitor;
import io.fastagentic.export.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the status rule and details of {@link SpanExportHealthIndicator}, on a clock
 * the test moves.
 */
class SpanExportHealthIndicatorTests {

	private static final Instant START = Instant.parse("2026-11-24T12:00:00Z");

	private final TestClock clock = new TestClock(START);

	private final SpanExportMonitor monitor = new SpanExportMonitor(this.clock);

	private final SpanExportHealthIndicator indicator = new SpanExportHealthIndicator(this.monitor, null,
			Duration.ofSeconds(10), 0.05, SpanExportHealthIndicator.DEGRADED);

	@BeforeEach
	void exporting() {
		this.monitor.exportingTo(new ExportDestination("http://collector:4318/v1/traces", "http/protobuf"));
	}

	@Test
	void unknownWhenNothingIsExported() {
		this.monitor.exportingTo(null);
		assertThat(this.indicator.health().getStatus()).isEqualTo(Status.UNKNOWN);
	}

	@Test
	void oneFailedBatchIsNotAnOutage() {
		succeed(100);
		fail(50);
		this.clock.advance(Duration.ofSeconds(3));
		succeed(100);
		Health health = this.indicator.health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("spansDroppedExportFailed", 50L)
			.containsEntry("recent",
					Map.of("windowSeconds", 60L, "spansExported", 200L, "spansDropped", 50L, "dropRatio", 0.2))
			.doesNotContainKey("reason");
	}

	@Test
	void exportsFailingLongerThanTheThresholdAreAnOutage() {
		succeed(10);
		this.clock.advance(Duration.ofSeconds(5));
		fail(10);
		this.clock.advance(Duration.ofSeconds(9));
		assertThat(this.indicator.health().getStatus()).isEqualTo(Status.UP);
		this.clock.advance(Duration.ofSeconds(1));
		Health health = this.indicator.health();
		assertThat(health.getStatus()).isEqualTo(SpanExportHealthIndicator.DEGRADED);
		assertThat(health.getDetails())
			.containsEntry("reason", "No export has succeeded for 10 s (IOException: refused)")
			.containsEntry("failingForSeconds", 10L)
			.containsEntry("secondsSinceLastSuccessfulExport", 15L)
			.containsEntry("lastSuccessfulExportTime", START.toString());
	}

	@Test
	void callRetryingLongerThanTheThresholdIsAnOutageBeforeItFails() {
		succeed(10);
		this.monitor.exportStarted();
		this.clock.advance(Duration.ofSeconds(4));
		Health retrying = this.indicator.health();
		assertThat(retrying.getStatus()).isEqualTo(Status.UP);
		assertThat(retrying.getDetails()).containsEntry("exportInProgressSeconds", 4L)
			.containsEntry("lastExportResult", "success");
		this.clock.advance(Duration.ofSeconds(6));
		Health stuck = this.indicator.health();
		assertThat(stuck.getStatus()).isEqualTo(SpanExportHealthIndicator.DEGRADED);
		assertThat(stuck.getDetails()).containsEntry("reason",
				"An export call has been retrying for 10 s without an answer from the collector");
	}

	@Test
	void sustainedQueueOverflowBehindASlowCollectorIsReportedThoughEveryExportSucceeds() {
		for (int i = 0; i < 6; i++) {
			succeed(51);
			this.monitor.recordQueueFull(49);
			this.clock.advance(Duration.ofSeconds(5));
		}
		Health health = this.indicator.health();
		assertThat(health.getStatus()).isEqualTo(SpanExportHealthIndicator.DEGRADED);
		assertThat(health.getDetails()).containsEntry("reason", "294 of 600 spans were dropped in the last 60 s")
			.containsEntry("consecutiveFailures", 0)
			.containsEntry("spansDroppedQueueFull", 294L);
		this.clock.advance(SpanExportMonitor.RECENT_WINDOW);
		assertThat(this.indicator.health().getStatus()).isEqualTo(Status.UP);
	}

	@Test
	void lossUnderTheRatioKeepsItUp() {
		for (int i = 0; i < 6; i++) {
			succeed(99);
			this.monitor.recordQueueFull(1);
			this.clock.advance(Duration.ofSeconds(5));
		}
		assertThat(this.indicator.health().getStatus()).isEqualTo(Status.UP);
	}

	@Test
	void failingStatusIsConfigurable() {
		SpanExportHealthIndicator down = new SpanExportHealthIndicator(this.monitor, null, Duration.ZERO, 0.05,
				Status.DOWN);
		fail(1);
		assertThat(down.health().getStatus()).isEqualTo(Status.DOWN);
	}

	private void succeed(int spans) {
		this.monitor.recordExport(this.monitor.exportStarted(), spans, true, null);
	}

	private void fail(int spans) {
		this.monitor.recordExport(this.monitor.exportStarted(), spans, false, new IOException("refused"));
	}

}
