package io.fastagentic.export;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MonitoredSpanExporter} and {@link SpanExportMonitor}.
 */
@ExtendWith(OutputCaptureExtension.class)
class MonitoredSpanExporterTests {

	private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

	private final TestClock clock = new TestClock(NOW);

	private final SpanExportMonitor monitor = new SpanExportMonitor(this.clock);

	@Test
	void successfulExportCountsSpansAndResetsFailures() {
		this.monitor.recordExport(this.monitor.exportStarted(), 1, false, new IOException("refused"));
		MonitoredSpanExporter exporter = new MonitoredSpanExporter(InMemorySpanExporter.create(), this.monitor);
		assertThat(exporter.export(List.of(TestSpans.span("a"), TestSpans.span("b"))).isSuccess()).isTrue();
		SpanExportMonitor.Snapshot snapshot = this.monitor.snapshot();
		assertThat(snapshot.exported()).isEqualTo(2);
		assertThat(snapshot.consecutiveFailures()).isZero();
		assertThat(snapshot.lastExport()).isEqualTo(new SpanExportMonitor.LastExport(NOW, true, null));
		assertThat(snapshot.lastSuccess()).isEqualTo(NOW);
		assertThat(snapshot.failingSince()).isNull();
	}

	@Test
	void failedExportCountsDroppedSpansAndConsecutiveFailures() {
		MonitoredSpanExporter exporter = new MonitoredSpanExporter(
				new FailingExporter(new IOException("Failed to connect to localhost/127.0.0.1:4318")), this.monitor);
		exporter.export(List.of(TestSpans.span("a")));
		this.clock.advance(Duration.ofSeconds(5));
		exporter.export(List.of(TestSpans.span("b"), TestSpans.span("c")));
		SpanExportMonitor.Snapshot snapshot = this.monitor.snapshot();
		assertThat(snapshot.exported()).isZero();
		assertThat(snapshot.droppedExportFailed()).isEqualTo(3);
		assertThat(snapshot.dropped()).isEqualTo(3);
		assertThat(snapshot.consecutiveFailures()).isEqualTo(2);
		assertThat(snapshot.failingSince()).isEqualTo(NOW);
		assertThat(snapshot.recent()).isEqualTo(new SpanExportMonitor.Recent(0, 3, 2));
		assertThat(snapshot.lastExport().success()).isFalse();
		assertThat(snapshot.lastExport().error())
			.isEqualTo("IOException: Failed to connect to localhost/127.0.0.1:4318");
	}

	@Test
	void exporterThatThrowsIsRecordedAsFailureAndNeverPropagates() {
		SpanExporter throwing = new FailingExporter(null) {
			@Override
			public CompletableResultCode export(Collection<SpanData> spans) {
				throw new IllegalStateException("boom");
			}
		};
		CompletableResultCode result = new MonitoredSpanExporter(throwing, this.monitor)
			.export(List.of(TestSpans.span("a")));
		assertThat(result.isSuccess()).isFalse();
		assertThat(this.monitor.snapshot().droppedExportFailed()).isEqualTo(1);
		assertThat(this.monitor.snapshot().exportInFlightSince()).isNull();
	}

	@Test
	void callUnderWayIsKnownUntilItCompletes() {
		CompletableResultCode pending = new CompletableResultCode();
		SpanExporter slow = new FailingExporter(null) {
			@Override
			public CompletableResultCode export(Collection<SpanData> spans) {
				return pending;
			}
		};
		new MonitoredSpanExporter(slow, this.monitor).export(List.of(TestSpans.span("a")));
		this.clock.advance(Duration.ofSeconds(7));
		assertThat(this.monitor.snapshot().lastExport()).isNull();
		assertThat(this.monitor.snapshot().exportInFlightSince()).isEqualTo(NOW);
		pending.succeed();
		assertThat(this.monitor.snapshot().exported()).isEqualTo(1);
		assertThat(this.monitor.snapshot().exportInFlightSince()).isNull();
	}

	@Test
	void queueFullDropsCountInTheRecentWindowUntilItPasses() {
		this.monitor.recordQueueFull(4);
		this.monitor.recordExport(this.monitor.exportStarted(), 6, true, null);
		assertThat(this.monitor.snapshot().recent()).isEqualTo(new SpanExportMonitor.Recent(6, 4, 1));
		assertThat(this.monitor.snapshot().recent().dropRatio()).isEqualTo(0.4);
		this.clock.advance(SpanExportMonitor.RECENT_WINDOW);
		assertThat(this.monitor.snapshot().recent()).isEqualTo(new SpanExportMonitor.Recent(0, 0, 0));
		assertThat(this.monitor.snapshot().droppedQueueFull()).isEqualTo(4);
	}

	@Test
	void outageIsLoggedOnceWhenItStartsSummedUpEveryMinuteAndClosedWhenExportsSucceed(CapturedOutput output) {
		this.monitor.exportingTo(new ExportDestination("http://collector:4318/v1/traces", "http/protobuf"));
		ConnectException refused = new ConnectException("Connection refused");
		for (int i = 0; i < 5; i++) {
			this.monitor.recordExport(this.monitor.exportStarted(), 10, false, new ExportException(refused));
			this.clock.advance(Duration.ofSeconds(10));
		}
		this.monitor.recordQueueFull(7);
		this.clock.advance(Duration.ofSeconds(20));
		this.monitor.recordExport(this.monitor.exportStarted(), 10, false, new ExportException(refused));
		this.monitor.recordExport(this.monitor.exportStarted(), 10, true, null);
		List<String> lines = output.getAll().lines().filter((line) -> line.contains("SpanExportMonitor")).toList();
		assertThat(lines).hasSize(3);
		assertThat(lines.get(0)).contains("WARN")
			.contains(
					"Trace export to http://collector:4318/v1/traces is failing (ConnectException: Connection refused)");
		assertThat(lines.get(1)).contains("WARN")
			.contains("still failing after 70 s (ConnectException: Connection refused): "
					+ "57 spans dropped in the last 70 s");
		assertThat(lines.get(2)).contains("INFO")
			.contains("Trace export to http://collector:4318/v1/traces succeeds again after 70 s; "
					+ "67 spans were dropped during the outage.");
		assertThat(output).doesNotContain("\tat ");
	}

	@Test
	void failureIsDescribedWithoutTheExportersWrapperAndWithTheRootCauseWhenItSaysNothing() {
		ConnectException refused = new ConnectException();
		refused.initCause(new ClosedChannelException());
		assertThat(SpanExportMonitor.describe(new ExportException(refused)))
			.isEqualTo("ConnectException (ClosedChannelException)");
		assertThat(SpanExportMonitor.describe(new ExportException(new ConnectException("Connection refused"))))
			.isEqualTo("ConnectException: Connection refused");
	}

	/**
	 * Stands for the OTLP exporter's wrapper of a failed call.
	 */
	static class ExportException extends Exception {

		ExportException(Throwable cause) {
			super(cause);
		}

	}

	static class FailingExporter implements SpanExporter {

		private final Throwable failure;

		FailingExporter(Throwable failure) {
			this.failure = failure;
		}

		@Override
		public CompletableResultCode export(Collection<SpanData> spans) {
			return CompletableResultCode.ofExceptionalFailure(this.failure);
		}

		@Override
		public CompletableResultCode flush() {
			return CompletableResultCode.ofSuccess();
		}

		@Override
		public CompletableResultCode shutdown() {
			return CompletableResultCode.ofSuccess();
		}

	}

}
