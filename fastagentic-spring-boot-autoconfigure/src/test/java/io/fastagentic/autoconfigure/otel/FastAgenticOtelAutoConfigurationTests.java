package io.fastagentic.autoconfigure.otel;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.fastagentic.export.ExportDestination;
import io.fastagentic.export.ExportQueueMeterProvider;
import io.fastagentic.export.MonitoredSpanExporter;
import io.fastagentic.export.SpanExportMonitor;
import io.micrometer.tracing.exporter.SpanFilter;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.metrics.MeterProvider;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanLimits;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.SpanExporters;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpTracingAutoConfiguration;
import org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.io.DefaultResourceLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link FastAgenticOtelAutoConfiguration} together with Spring Boot's own
 * OpenTelemetry auto-configurations: the environment variables reach the one SDK and the
 * one exporter Boot builds.
 */
@ExtendWith(OutputCaptureExtension.class)
class FastAgenticOtelAutoConfigurationTests {

	private final Map<String, String> variables = new HashMap<>();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(OpenTelemetrySdkAutoConfiguration.class,
				OpenTelemetryTracingAutoConfiguration.class, OtlpTracingAutoConfiguration.class,
				MicrometerTracingAutoConfiguration.class, FastAgenticOtelAutoConfiguration.class))
		.withInitializer((context) -> new TracingEnvironmentListener(this.variables::get)
			.apply(context.getEnvironment(), new DefaultResourceLoader()));

	@Test
	void endpointVariableExportsOverHttpThroughBootsOneExporter() {
		this.variables.put("FASTAGENTIC_OTEL_ENDPOINT", "http://otel-collector:4318");
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(OpenTelemetry.class)
				.hasSingleBean(SdkTracerProvider.class)
				.hasSingleBean(OtlpHttpSpanExporter.class)
				.doesNotHaveBean(OtlpGrpcSpanExporter.class);
			assertThat(context.getBean(OtlpHttpSpanExporter.class).toString())
				.contains("endpoint=http://otel-collector:4318/v1/traces");
			List<SpanExporter> exporters = context.getBean(SpanExporters.class).list();
			assertThat(exporters).singleElement().isInstanceOf(MonitoredSpanExporter.class);
			assertThat(exporters.get(0).toString()).contains("OtlpHttpSpanExporter");
		});
	}

	@Test
	void grpcProtocolVariableSelectsBootsGrpcExporter() {
		this.variables.put("FASTAGENTIC_OTEL_ENDPOINT", "http://otel-collector:4317");
		this.variables.put("FASTAGENTIC_OTEL_PROTOCOL", "grpc");
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(OtlpGrpcSpanExporter.class).doesNotHaveBean(OtlpHttpSpanExporter.class);
			assertThat(context.getBean(OtlpGrpcSpanExporter.class).toString())
				.contains("endpoint=http://otel-collector:4317");
		});
	}

	@Test
	void headersVariableReachesTheExporter() {
		this.variables.put("FASTAGENTIC_OTEL_ENDPOINT", "https://api.honeycomb.io");
		this.variables.put("FASTAGENTIC_OTEL_HEADERS", "x-honeycomb-team=KEY123");
		this.contextRunner.run((context) -> assertThat(context.getBean(OtlpHttpSpanExporter.class).toString())
			.contains("x-honeycomb-team"));
	}

	@Test
	void withoutEndpointNothingIsExportedAndOneInfoLineSaysHow(CapturedOutput output) {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(SdkTracerProvider.class).doesNotHaveBean(OtlpHttpSpanExporter.class);
			assertThat(context.getBean(SpanExporters.class).list()).isEmpty();
		});
		assertThat(output).containsOnlyOnce("Set FASTAGENTIC_OTEL_ENDPOINT");
	}

	@Test
	void serviceNameAndVersionReachTheResource() {
		this.variables.put("FASTAGENTIC_OTEL_SERVICE_NAME", "my-agent");
		this.variables.put("FASTAGENTIC_OTEL_SERVICE_VERSION", "1.0.0");
		this.contextRunner.run((context) -> {
			Resource resource = context.getBean(Resource.class);
			assertThat(resource.getAttribute(AttributeKey.stringKey("service.name"))).isEqualTo("my-agent");
			assertThat(resource.getAttribute(AttributeKey.stringKey("service.version"))).isEqualTo("1.0.0");
		});
	}

	@Test
	void serviceNameDefaultsToFastAgenticAgent() {
		this.contextRunner.run((context) -> assertThat(
				context.getBean(Resource.class).getAttribute(AttributeKey.stringKey("service.name")))
			.isEqualTo("fastagentic-agent"));
	}

	@Test
	void serviceNameFollowsSpringApplicationName() {
		this.contextRunner.withPropertyValues("spring.application.name=billing-agent")
			.run((context) -> assertThat(
					context.getBean(Resource.class).getAttribute(AttributeKey.stringKey("service.name")))
				.isEqualTo("billing-agent"));
	}

	@Test
	void sampleRateDrivesBootsParentBasedRatioSampler() {
		this.variables.put("FASTAGENTIC_OTEL_SAMPLE_RATE", "0.25");
		this.contextRunner
			.run((context) -> assertThat(context.getBean(Sampler.class).getDescription()).contains("ParentBased")
				.contains("TraceIdRatioBased{0.250000}"));
	}

	@Test
	void defaultSampleRateKeepsEveryTrace() {
		this.contextRunner.run((context) -> assertThat(context.getBean(Sampler.class).getDescription())
			.contains("TraceIdRatioBased{1.000000}"));
	}

	@Test
	void tracesDisabledExportsAndRecordsNothing() {
		this.variables.put("FASTAGENTIC_OTEL_ENDPOINT", "http://otel-collector:4318");
		this.variables.put("FASTAGENTIC_TRACES_ENABLED", "false");
		this.contextRunner.run((context) -> {
			assertThat(context).doesNotHaveBean(OtlpHttpSpanExporter.class);
			assertThat(context.getBean(Sampler.class)).isEqualTo(Sampler.alwaysOff());
		});
	}

	@Test
	void spanExportersBackOffWhenUserDefinesThem() {
		this.contextRunner.withBean(SpanExporters.class, () -> SpanExporters.of(List.of()))
			.run((context) -> assertThat(context.getBean(SpanExporters.class).list()).isEmpty());
		this.variables.put("FASTAGENTIC_OTEL_ENDPOINT", "http://otel-collector:4318");
		SpanExporters userExporters = SpanExporters.of(List.of());
		this.contextRunner.withBean("userSpanExporters", SpanExporters.class, () -> userExporters)
			.run((context) -> assertThat(context.getBean(SpanExporters.class)).isSameAs(userExporters));
	}

	@Test
	void batchSpanProcessorExportsThroughTheMonitoredExporterWithBootsSettings() {
		InMemorySpanExporter exporter = InMemorySpanExporter.create();
		this.contextRunner.withBean(SpanExporter.class, () -> exporter)
			.withPropertyValues("management.opentelemetry.tracing.export.schedule-delay=2s",
					"management.opentelemetry.tracing.export.max-batch-size=64")
			.run((context) -> {
				// No Micrometer span filter, predicate or reporter: no copy of every
				// span.
				assertThat(context).hasSingleBean(BatchSpanProcessor.class).hasBean("fastAgenticSpanProcessor");
				assertThat(context.getBean(BatchSpanProcessor.class).toString())
					.doesNotContain("CompositeSpanExporter");
				assertThat(context.getBean(SpanExporters.class).list()).singleElement()
					.isInstanceOf(MonitoredSpanExporter.class);
				assertThat(context.getBean(BatchSpanProcessor.class).toString())
					.contains("scheduleDelayNanos=2000000000")
					.contains("maxExportBatchSize=64");
				context.getBean(OpenTelemetry.class).getTracer("test").spanBuilder("work").startSpan().end();
				context.getBean(SdkTracerProvider.class).forceFlush().join(10, TimeUnit.SECONDS);
				assertThat(exporter.getFinishedSpanItems()).singleElement()
					.satisfies((span) -> assertThat(span.getName()).isEqualTo("work"));
				assertThat(context.getBean(SpanExportMonitor.class).snapshot().exported()).isOne();
				assertThat(context.getBean(SpanExportMonitor.class).destination())
					.isEqualTo(new ExportDestination("InMemorySpanExporter", "custom"));
			});
	}

	@Test
	void exportedAttributeValuesAreCutWhileTheSdkSetsThemWhole() {
		InMemorySpanExporter exporter = InMemorySpanExporter.create();
		this.contextRunner.withBean(SpanExporter.class, () -> exporter)
			.withPropertyValues("fastagentic.export.max-attribute-value-length=8")
			.run((context) -> {
				assertThat(context.getBean(SpanLimits.class).getMaxAttributeValueLength()).isEqualTo(Integer.MAX_VALUE);
				assertThat(context.getBean(SpanExporters.class).list()).singleElement()
					.hasToString("MonitoredSpanExporter{BoundedSpanExporter{" + exporter + "}}");
				context.getBean(OpenTelemetry.class)
					.getTracer("test")
					.spanBuilder("work")
					.setAttribute("text", "0123456789abcdef")
					.setAttribute("size", 1234567890L)
					.startSpan()
					.end();
				context.getBean(SdkTracerProvider.class).forceFlush().join(10, TimeUnit.SECONDS);
				assertThat(exporter.getFinishedSpanItems()).singleElement().satisfies((span) -> {
					assertThat(span.getAttributes().get(AttributeKey.stringKey("text"))).isEqualTo("01234567");
					assertThat(span.getAttributes().get(AttributeKey.longKey("size"))).isEqualTo(1234567890L);
				});
			});
	}

	@Test
	void maxAttributeValueLengthBelowOneFailsStartup() {
		this.contextRunner.withPropertyValues("fastagentic.export.max-attribute-value-length=0")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("fastagentic.export.max-attribute-value-length")
				.hasMessageContaining("FASTAGENTIC_EXPORT_MAX_ATTRIBUTE_VALUE_LENGTH")
				.hasMessageContaining("1 or more"));
	}

	@Test
	void userSpanExportersAreMonitoredToo() {
		InMemorySpanExporter exporter = InMemorySpanExporter.create();
		this.contextRunner.withBean(SpanExporters.class, () -> SpanExporters.of(List.of(exporter)))
			.run((context) -> assertThat(context.getBean(SpanExporters.class).list()).singleElement()
				.isInstanceOf(MonitoredSpanExporter.class));
	}

	@Test
	void otlpExporterRetriesWithTheConfiguredBackoff() {
		this.variables.put("FASTAGENTIC_OTEL_ENDPOINT", "http://otel-collector:4318");
		this.contextRunner.withPropertyValues("fastagentic.export.retry.max-backoff=2s")
			.run((context) -> assertThat(context.getBean(OtlpHttpSpanExporter.class).toString())
				.contains("retryPolicy=RetryPolicy{maxAttempts=5, initialBackoff=PT0.25S, maxBackoff=PT2S, "
						+ "backoffMultiplier=1.5"));
	}

	@Test
	void micrometerSpanFiltersStillApplyToExportedSpans() {
		InMemorySpanExporter exporter = InMemorySpanExporter.create();
		SpanFilter renaming = (span) -> span.setName("filtered " + span.getName());
		this.contextRunner.withBean(SpanExporter.class, () -> exporter)
			.withBean(SpanFilter.class, () -> renaming)
			.run((context) -> {
				assertThat(context).hasSingleBean(BatchSpanProcessor.class).hasBean("otelSpanProcessor");
				context.getBean(OpenTelemetry.class).getTracer("test").spanBuilder("work").startSpan().end();
				context.getBean(SdkTracerProvider.class).forceFlush().join(10, TimeUnit.SECONDS);
				assertThat(exporter.getFinishedSpanItems()).singleElement()
					.satisfies((span) -> assertThat(span.getName()).isEqualTo("filtered work"));
			});
	}

	@Test
	void batchSpanProcessorBacksOffWhenUserDefinesOne() {
		BatchSpanProcessor processor = BatchSpanProcessor.builder(SpanExporter.composite()).build();
		this.contextRunner.withBean(BatchSpanProcessor.class, () -> processor)
			.run((context) -> assertThat(context.getBean(BatchSpanProcessor.class)).isSameAs(processor));
	}

	@Test
	void meterProviderBacksOffWhenUserDefinesOne() {
		this.contextRunner.withBean(MeterProvider.class, MeterProvider::noop)
			.run((context) -> assertThat(context).doesNotHaveBean(ExportQueueMeterProvider.class)
				.hasSingleBean(MeterProvider.class));
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(ExportQueueMeterProvider.class));
	}

	@Test
	void monitorBacksOffWhenUserDefinesOne() {
		SpanExportMonitor monitor = new SpanExportMonitor(java.time.Clock.systemUTC());
		this.contextRunner.withBean(SpanExportMonitor.class, () -> monitor)
			.run((context) -> assertThat(context.getBean(SpanExportMonitor.class)).isSameAs(monitor));
	}

	@Test
	void backsOffWithoutOpenTelemetrySdk() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(SdkTracerProvider.class))
			.run((context) -> assertThat(context).doesNotHaveBean(SpanExportMonitor.class)
				.doesNotHaveBean(FastAgenticOtelProperties.class));
	}

	@Test
	void otlpHeadersAreMaskedByActuator() {
		this.contextRunner.run((context) -> {
			SanitizingFunction sanitizer = context.getBean(SanitizingFunction.class);
			assertThat(sanitize(sanitizer, "fastagentic.otel.headers.x-honeycomb-team")).isEqualTo("******");
			assertThat(sanitize(sanitizer, "fastagentic.otel.headers[x-honeycomb-team]")).isEqualTo("******");
			assertThat(sanitize(sanitizer, "management.opentelemetry.tracing.export.otlp.headers.authorization"))
				.isEqualTo("******");
			assertThat(sanitize(sanitizer, "FASTAGENTIC_OTEL_HEADERS")).isEqualTo("******");
			assertThat(sanitize(sanitizer, "OTEL_EXPORTER_OTLP_HEADERS")).isEqualTo("******");
			assertThat(sanitize(sanitizer, "fastagentic.otel.endpoint")).isEqualTo("value");
		});
	}

	@Test
	void invalidValueFailsStartup() {
		this.variables.put("FASTAGENTIC_OTEL_SAMPLE_RATE", "1.5");
		this.contextRunner.run((context) -> assertThat(context).hasFailed()
			.getFailure()
			.isInstanceOf(InvalidTracingPropertyException.class)
			.hasMessageContaining("FASTAGENTIC_OTEL_SAMPLE_RATE"));
	}

	private static Object sanitize(SanitizingFunction sanitizer, String key) {
		return sanitizer.applyUnlessFiltered(new SanitizableData(null, key, "value")).getValue();
	}

}
