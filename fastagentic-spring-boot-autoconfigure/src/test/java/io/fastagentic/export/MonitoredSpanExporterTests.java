package io.fastagentic.export;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MonitoredSpanExporter} and {@link SpanExportMonitor}.
 */
class MonitoredSpanExporterTests {

	private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

	private final SpanExportMonitor monitor = new SpanExportMonitor(Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void successfulExportCountsSpansAndResetsFailures() {
		this.monitor.recordExport(1, false, new IOException("refused"));
		MonitoredSpanExporter exporter = new MonitoredSpanExporter(InMemorySpanExporter.create(), this.monitor);
		assertThat(exporter.export(List.of(TestSpans.span("a"), TestSpans.span("b"))).isSuccess()).isTrue();
		SpanExportMonitor.Snapshot snapshot = this.monitor.snapshot();
		assertThat(snapshot.exported()).isEqualTo(2);
		assertThat(snapshot.consecutiveFailures()).isZero();
		assertThat(snapshot.lastExport()).isEqualTo(new SpanExportMonitor.LastExport(NOW, true, null));
	}

	@Test
	void failedExportCountsDroppedSpansAndConsecutiveFailures() {
		MonitoredSpanExporter exporter = new MonitoredSpanExporter(
				new FailingExporter(new IOException("Failed to connect to localhost/127.0.0.1:4318")), this.monitor);
		exporter.export(List.of(TestSpans.span("a")));
		exporter.export(List.of(TestSpans.span("b"), TestSpans.span("c")));
		SpanExportMonitor.Snapshot snapshot = this.monitor.snapshot();
		assertThat(snapshot.exported()).isZero();
		assertThat(snapshot.droppedExportFailed()).isEqualTo(3);
		assertThat(snapshot.dropped()).isEqualTo(3);
		assertThat(snapshot.consecutiveFailures()).isEqualTo(2);
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
	}

	@Test
	void asynchronousOutcomeIsRecordedWhenItCompletes() {
		CompletableResultCode pending = new CompletableResultCode();
		SpanExporter slow = new FailingExporter(null) {
			@Override
			public CompletableResultCode export(Collection<SpanData> spans) {
				return pending;
			}
		};
		new MonitoredSpanExporter(slow, this.monitor).export(List.of(TestSpans.span("a")));
		assertThat(this.monitor.snapshot().lastExport()).isNull();
		pending.succeed();
		assertThat(this.monitor.snapshot().exported()).isEqualTo(1);
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
