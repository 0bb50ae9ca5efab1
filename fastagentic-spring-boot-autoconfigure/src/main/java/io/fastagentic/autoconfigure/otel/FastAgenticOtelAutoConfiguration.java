package io.fastagentic.autoconfigure.otel;

import java.time.Clock;
import java.util.List;

import io.fastagentic.export.ExportQueueMeterProvider;
import io.fastagentic.export.InProcessSpanExporter;
import io.fastagentic.export.MonitoredSpanExporter;
import io.fastagentic.export.SpanExportMonitor;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.metrics.MeterProvider;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.SpanExporters;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration of FastAgentic tracing on top of Spring Boot's OpenTelemetry
 * support. Boot builds the one SDK and the one OTLP exporter from the properties that
 * {@link TracingEnvironmentListener} derives from {@code fastagentic.otel.*}; this class
 * only adds what Boot lacks: export outcome and drop counting.
 *
 * @author FastAgentic
 */
@AutoConfiguration(before = OpenTelemetryTracingAutoConfiguration.class)
@ConditionalOnClass({ OpenTelemetry.class, SdkTracerProvider.class, OpenTelemetryTracingAutoConfiguration.class })
@EnableConfigurationProperties(FastAgenticOtelProperties.class)
public final class FastAgenticOtelAutoConfiguration {

	private static final Log logger = LogFactory.getLog(FastAgenticOtelAutoConfiguration.class);

	FastAgenticOtelAutoConfiguration() {
	}

	@Bean
	@ConditionalOnMissingBean
	SpanExportMonitor fastAgenticSpanExportMonitor() {
		return new SpanExportMonitor(Clock.systemUTC());
	}

	@Bean
	@ConditionalOnMissingBean
	SpanExporters spanExporters(ObjectProvider<SpanExporter> spanExporters, SpanExportMonitor monitor) {
		List<SpanExporter> exporters = spanExporters.orderedStream().toList();
		if (exporters.stream().allMatch(InProcessSpanExporter.class::isInstance)) {
			logger.info("Traces are recorded but not exported: no collector is configured. "
					+ "Set FASTAGENTIC_OTEL_ENDPOINT (for example http://otel-collector:4318) to export them over OTLP.");
		}
		return SpanExporters.of(exporters.stream()
			.map((exporter) -> (exporter instanceof InProcessSpanExporter) ? exporter
					: new MonitoredSpanExporter(exporter, monitor))
			.toList());
	}

	@Bean
	@ConditionalOnMissingBean(MeterProvider.class)
	ExportQueueMeterProvider fastAgenticExportQueueMeterProvider(SpanExportMonitor monitor) {
		return new ExportQueueMeterProvider(monitor);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(SanitizingFunction.class)
	static class SecretsSanitizingConfiguration {

		@Bean
		SanitizingFunction fastAgenticOtlpHeadersSanitizingFunction() {
			return SanitizingFunction.sanitizeValue().ifKeyMatches(OtlpHeaderKeys::isSecret);
		}

	}

}
