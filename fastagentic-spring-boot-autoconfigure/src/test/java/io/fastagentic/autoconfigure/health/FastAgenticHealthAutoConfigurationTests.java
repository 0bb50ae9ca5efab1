package io.fastagentic.autoconfigure.health;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import io.fastagentic.autoconfigure.otel.FastAgenticOtelAutoConfiguration;
import io.fastagentic.autoconfigure.otel.TracingEnvironmentListener;
import io.fastagentic.export.SpanExportMonitor;
import io.fastagentic.health.SpanExportHealthIndicator;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpTracingAutoConfiguration;
import org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.DefaultResourceLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link FastAgenticHealthAutoConfiguration} and
 * {@link SpanExportHealthIndicator}.
 */
class FastAgenticHealthAutoConfigurationTests {

	private final Map<String, String> variables = new HashMap<>();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(OpenTelemetrySdkAutoConfiguration.class,
				OpenTelemetryTracingAutoConfiguration.class, OtlpTracingAutoConfiguration.class,
				FastAgenticOtelAutoConfiguration.class, FastAgenticHealthAutoConfiguration.class))
		.withInitializer((context) -> new TracingEnvironmentListener().apply(context.getEnvironment(),
				new DefaultResourceLoader()));

	@Test
	void reportsUnknownWhenNothingIsExported() {
		this.contextRunner.run((context) -> {
			Health health = context.getBean("fastagenticHealthIndicator", SpanExportHealthIndicator.class).health();
			assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
			assertThat(health.getDetails()).containsEntry("exporting", false);
		});
	}

	@Test
	void reportsEndpointWithoutCredentialsAndCounts() {
		this.contextRunner
			.withPropertyValues("fastagentic.otel.endpoint=https://user:pass@collector.example:4318?token=abc",
					"fastagentic.otel.headers.x-honeycomb-team=SECRET")
			.run((context) -> {
				SpanExportMonitor monitor = context.getBean(SpanExportMonitor.class);
				monitor.recordExport(monitor.exportStarted(), 5, true, null);
				Health health = context.getBean(SpanExportHealthIndicator.class).health();
				assertThat(health.getStatus()).isEqualTo(Status.UP);
				assertThat(health.getDetails()).containsEntry("endpoint", "https://collector.example:4318/v1/traces")
					.containsEntry("protocol", "http/protobuf")
					.containsEntry("spansExported", 5L)
					.containsEntry("spansDropped", 0L)
					.containsEntry("consecutiveFailures", 0)
					.containsEntry("lastExportResult", "success")
					.containsKey("lastExportTime");
				assertThat(health.getDetails().toString()).doesNotContain("pass", "token", "SECRET");
			});
	}

	@Test
	void reportsDegradedOnceTheCollectorKeepsFailingForTheConfiguredTime() {
		this.contextRunner
			.withPropertyValues("fastagentic.otel.endpoint=http://collector:4318", "fastagentic.health.outage-after=0s")
			.run((context) -> {
				SpanExportMonitor monitor = context.getBean(SpanExportMonitor.class);
				monitor.recordExport(monitor.exportStarted(), 3, false, new IOException("Connection refused"));
				monitor.recordQueueFull(2);
				Health health = context.getBean(SpanExportHealthIndicator.class).health();
				assertThat(health.getStatus()).isEqualTo(SpanExportHealthIndicator.DEGRADED);
				assertThat(health.getDetails()).containsEntry("consecutiveFailures", 1)
					.containsEntry("spansDropped", 5L)
					.containsEntry("spansDroppedExportFailed", 3L)
					.containsEntry("spansDroppedQueueFull", 2L)
					.containsEntry("lastExportResult", "failure")
					.containsEntry("lastExportError", "IOException: Connection refused")
					.containsEntry("reason", "No export has succeeded for 0 s (IOException: Connection refused)");
			});
	}

	@Test
	void failingStatusCanBeDown() {
		this.contextRunner
			.withPropertyValues("fastagentic.otel.endpoint=http://collector:4318", "fastagentic.health.outage-after=0s",
					"fastagentic.health.failing-status=down")
			.run((context) -> {
				SpanExportMonitor monitor = context.getBean(SpanExportMonitor.class);
				monitor.recordExport(monitor.exportStarted(), 3, false, new IOException("Connection refused"));
				assertThat(context.getBean(SpanExportHealthIndicator.class).health().getStatus())
					.isEqualTo(Status.DOWN);
			});
	}

	@Test
	void dropRatioOutsideZeroToOneFailsWithThePropertyName() {
		this.contextRunner.withPropertyValues("fastagentic.health.max-drop-ratio=5")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("fastagentic.health.max-drop-ratio (FASTAGENTIC_HEALTH_MAX_DROP_RATIO)")
				.hasMessageContaining("between 0 and 1"));
	}

	@Test
	void grpcTransportIsReported() {
		this.contextRunner
			.withPropertyValues("fastagentic.otel.endpoint=http://collector:4317", "fastagentic.otel.protocol=grpc")
			.run((context) -> assertThat(context.getBean(SpanExportHealthIndicator.class).health().getDetails())
				.containsEntry("endpoint", "http://collector:4317")
				.containsEntry("protocol", "grpc"));
	}

	@Test
	void canBeDisabled() {
		this.contextRunner.withPropertyValues("management.health.fastagentic.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(SpanExportHealthIndicator.class));
	}

	@Test
	void backsOffWhenUserDefinesTheIndicator() {
		this.contextRunner
			.withBean("fastagenticHealthIndicator", SpanExportHealthIndicator.class,
					() -> new SpanExportHealthIndicator(new SpanExportMonitor(java.time.Clock.systemUTC()), null,
							java.time.Duration.ZERO, 0, Status.DOWN))
			.run((context) -> assertThat(context).hasSingleBean(SpanExportHealthIndicator.class));
	}

}
