package io.fastagentic.autoconfigure.otel;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import io.fastagentic.autoconfigure.health.FastAgenticHealthAutoConfiguration;
import io.fastagentic.export.SpanExportMonitor;
import io.fastagentic.health.SpanExportHealthIndicator;
import io.fastagentic.testing.ControllableCollector;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpTracingAutoConfiguration;
import org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.io.DefaultResourceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Boot's own OTLP exporter against a collector the test makes fail and recover: what the
 * monitor counts, what health says and what the log says.
 */
@ExtendWith(OutputCaptureExtension.class)
class ExportOutageTests {

	private ControllableCollector collector;

	private ApplicationContextRunner contextRunner;

	private final Logger exporterLogger = Logger.getLogger("io.opentelemetry.exporter.internal.http.HttpExporter");

	private final List<String> exporterLog = new CopyOnWriteArrayList<>();

	private final Handler exporterLogHandler = new Handler() {

		@Override
		public void publish(LogRecord record) {
			ExportOutageTests.this.exporterLog.add(record.getLevel() + " " + record.getMessage());
		}

		@Override
		public void flush() {
		}

		@Override
		public void close() {
		}

	};

	@BeforeEach
	void startCollector() throws Exception {
		this.exporterLogger.addHandler(this.exporterLogHandler);
		this.collector = ControllableCollector.start();
		this.contextRunner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(OpenTelemetrySdkAutoConfiguration.class,
					OpenTelemetryTracingAutoConfiguration.class, OtlpTracingAutoConfiguration.class,
					FastAgenticOtelAutoConfiguration.class, FastAgenticHealthAutoConfiguration.class))
			.withInitializer((context) -> new TracingEnvironmentListener().apply(context.getEnvironment(),
					new DefaultResourceLoader()))
			.withPropertyValues("fastagentic.otel.endpoint=" + this.collector.endpoint(),
					"management.opentelemetry.tracing.export.schedule-delay=1h",
					"fastagentic.export.retry.initial-backoff=10ms", "fastagentic.export.retry.max-backoff=20ms");
	}

	@AfterEach
	void stopCollector() {
		this.exporterLogger.removeHandler(this.exporterLogHandler);
		this.collector.close();
	}

	@Test
	void collectorThatComesBackDuringACallReceivesThatCallsSpans() {
		this.collector.thenAnswer(503, 503);
		this.contextRunner.run((context) -> {
			exportOneSpan(context);
			assertThat(this.collector.requests()).isEqualTo(3);
			assertThat(this.collector.accepted()).isOne();
			SpanExportMonitor.Snapshot snapshot = context.getBean(SpanExportMonitor.class).snapshot();
			assertThat(snapshot.exported()).isOne();
			assertThat(snapshot.dropped()).isZero();
		});
	}

	@Test
	void outageIsOneWarningAndRecoveryOneInfoWithoutTheExportersStackTraces(CapturedOutput output) {
		this.collector.answerByDefault(503);
		this.contextRunner
			.withPropertyValues("fastagentic.export.retry.max-attempts=2", "fastagentic.health.outage-after=0s")
			.run((context) -> {
				exportOneSpan(context);
				exportOneSpan(context);
				Health failing = context.getBean(SpanExportHealthIndicator.class).health();
				assertThat(failing.getStatus()).isEqualTo(SpanExportHealthIndicator.DEGRADED);
				assertThat(failing.getDetails()).containsEntry("spansDroppedExportFailed", 2L)
					.containsEntry("consecutiveFailures", 2);
				this.collector.answerByDefault(200);
				exportOneSpan(context);
				// Whether the two lost spans still count against the last minute depends
				// on the wall clock; the outage itself is over.
				assertThat(context.getBean(SpanExportHealthIndicator.class).health().getDetails())
					.containsEntry("lastExportResult", "success")
					.containsEntry("consecutiveFailures", 0)
					.doesNotContainKey("failingForSeconds");
			});
		String endpoint = this.collector.endpoint() + "/v1/traces";
		List<String> lines = output.getAll().lines().filter((line) -> line.contains("Trace export to")).toList();
		assertThat(lines).hasSize(2);
		assertThat(lines.get(0)).contains("WARN").contains("Trace export to " + endpoint + " is failing (");
		assertThat(lines.get(1)).contains("INFO")
			.contains("Trace export to " + endpoint + " succeeds again after")
			.contains("2 spans were dropped during the outage.");
		assertThat(this.exporterLog).noneMatch((line) -> line.startsWith("WARNING") || line.startsWith("SEVERE"));
		assertThat(output).doesNotContain("\tat ");
	}

	@Test
	void exportersOwnLogIsKeptWhenAsked() {
		this.collector.answerByDefault(503);
		this.contextRunner
			.withPropertyValues("fastagentic.export.retry.max-attempts=2",
					"fastagentic.export.quiet-exporter-log=false")
			.run(ExportOutageTests::exportOneSpan);
		assertThat(this.exporterLog).anySatisfy((line) -> assertThat(line)
			.startsWith("WARNING Failed to export spans. Server responded with HTTP status code 503"));
	}

	@Test
	void invalidRetrySettingNamesTheProperty() {
		this.contextRunner.withPropertyValues("fastagentic.export.retry.max-attempts=9")
			.run((context) -> assertThat(context).getFailure()
				.hasStackTraceContaining("fastagentic.export.retry.* (FASTAGENTIC_EXPORT_RETRY_*)")
				.hasStackTraceContaining("max-attempts accepts 2 to 5"));
	}

	/**
	 * End one span and wait until its export call has ended: the batch processor's flush
	 * can report success while the export it started is still under way.
	 */
	private static void exportOneSpan(AssertableApplicationContext context) {
		SpanExportMonitor monitor = context.getBean(SpanExportMonitor.class);
		long before = outcomes(monitor);
		context.getBean(OpenTelemetry.class).getTracer("test").spanBuilder("work").startSpan().end();
		context.getBean(SdkTracerProvider.class).forceFlush().join(10, TimeUnit.SECONDS);
		await().atMost(Duration.ofSeconds(10)).until(() -> outcomes(monitor) > before);
	}

	private static long outcomes(SpanExportMonitor monitor) {
		SpanExportMonitor.Snapshot snapshot = monitor.snapshot();
		return snapshot.exported() + snapshot.droppedExportFailed();
	}

}
