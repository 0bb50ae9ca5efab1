package io.fastagentic.export;

import java.time.Clock;
import java.util.Collection;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ExportQueueMeterProvider}: spans the real batch processor drops on a
 * full queue are counted.
 */
class ExportQueueMeterProviderTests {

	private final SpanExportMonitor monitor = new SpanExportMonitor(Clock.systemUTC());

	@Test
	void batchProcessorQueueOverflowIsCounted() throws InterruptedException {
		CountDownLatch exportStarted = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		SpanExporter blocked = new MonitoredSpanExporterTests.FailingExporter(null) {
			@Override
			public CompletableResultCode export(Collection<SpanData> spans) {
				exportStarted.countDown();
				try {
					release.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				return CompletableResultCode.ofSuccess();
			}
		};
		BatchSpanProcessor processor = BatchSpanProcessor.builder(blocked)
			.setMaxQueueSize(2)
			.setMaxExportBatchSize(1)
			.setScheduleDelay(1, TimeUnit.MILLISECONDS)
			.setMeterProvider(new ExportQueueMeterProvider(this.monitor))
			.build();
		try (SdkTracerProvider provider = SdkTracerProvider.builder().addSpanProcessor(processor).build()) {
			Tracer tracer = provider.get("test");
			tracer.spanBuilder("first").startSpan().end();
			assertThat(exportStarted.await(10, TimeUnit.SECONDS)).isTrue();
			// The exporter holds one span; the queue holds two more; the other seven are
			// dropped.
			for (int i = 0; i < 9; i++) {
				tracer.spanBuilder("next").startSpan().end();
			}
			assertThat(this.monitor.snapshot().droppedQueueFull()).isEqualTo(7);
			release.countDown();
		}
	}

	@Test
	void onlyQueueFullDropsAreCounted() {
		ExportQueueMeterProvider meterProvider = new ExportQueueMeterProvider(this.monitor);
		var legacy = meterProvider.get("io.opentelemetry.sdk.trace")
			.counterBuilder(ExportQueueMeterProvider.LEGACY_PROCESSED_SPANS)
			.build();
		legacy.add(3, Attributes.builder().put("dropped", true).build());
		legacy.add(5, Attributes.builder().put("dropped", false).build());
		var semconv = meterProvider.meterBuilder("io.opentelemetry.sdk.trace")
			.build()
			.counterBuilder(ExportQueueMeterProvider.PROCESSED_SPANS)
			.build();
		semconv.add(2, Attributes.builder().put("error.type", "queue_full").build());
		semconv.add(4, Attributes.empty());
		meterProvider.get("other").counterBuilder("otel.sdk.exporter.span.exported").build().add(100);
		assertThat(this.monitor.snapshot().droppedQueueFull()).isEqualTo(5);
	}

}
