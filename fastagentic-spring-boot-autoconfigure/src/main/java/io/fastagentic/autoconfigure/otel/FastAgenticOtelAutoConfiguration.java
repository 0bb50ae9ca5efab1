package io.fastagentic.autoconfigure.otel;

import java.time.Clock;
import java.util.List;

import io.fastagentic.export.ExportQueueMeterProvider;
import io.fastagentic.export.InProcessSpanExporter;
import io.fastagentic.export.MonitoredSpanExporter;
import io.fastagentic.export.SpanExportMonitor;
import io.micrometer.tracing.exporter.SpanExportingPredicate;
import io.micrometer.tracing.exporter.SpanFilter;
import io.micrometer.tracing.exporter.SpanReporter;
import io.micrometer.tracing.otel.bridge.CompositeSpanExporter;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.metrics.MeterProvider;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessorBuilder;
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
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingProperties;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.SpanExporters;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration of FastAgentic tracing on top of Spring Boot's OpenTelemetry
 * support. Boot builds the one SDK and the one OTLP exporter from the properties that
 * {@link TracingEnvironmentListener} derives from {@code fastagentic.otel.*}; this class
 * only adds what Boot lacks: export outcome and drop counting. It also builds the batch
 * span processor as Boot does, from the same
 * {@code management.opentelemetry.tracing.export.*} properties, except that without any
 * Micrometer {@link SpanExportingPredicate}, {@link SpanReporter} or {@link SpanFilter}
 * the spans go to the exporters as the SDK made them, not through Micrometer's
 * {@link CompositeSpanExporter}, whose copy of every span rebuilds its attributes and
 * resource on each read (more than half of the export CPU time).
 *
 * @author FastAgentic
 */
@AutoConfiguration(before = OpenTelemetryTracingAutoConfiguration.class)
@ConditionalOnClass({ OpenTelemetry.class, SdkTracerProvider.class, OpenTelemetryTracingAutoConfiguration.class })
@EnableConfigurationProperties({ FastAgenticOtelProperties.class, OpenTelemetryTracingProperties.class })
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
	@ConditionalOnMissingBean
	BatchSpanProcessor fastAgenticSpanProcessor(SpanExporters spanExporters,
			ObjectProvider<SpanExportingPredicate> spanExportingPredicates, ObjectProvider<SpanReporter> spanReporters,
			ObjectProvider<SpanFilter> spanFilters, ObjectProvider<MeterProvider> meterProvider,
			OpenTelemetryTracingProperties properties) {
		List<SpanExportingPredicate> predicates = spanExportingPredicates.orderedStream().toList();
		List<SpanReporter> reporters = spanReporters.orderedStream().toList();
		List<SpanFilter> filters = spanFilters.orderedStream().toList();
		SpanExporter spanExporter = (predicates.isEmpty() && reporters.isEmpty() && filters.isEmpty())
				? SpanExporter.composite(spanExporters.list())
				: new CompositeSpanExporter(spanExporters.list(), predicates, reporters, filters);
		OpenTelemetryTracingProperties.Export export = properties.getExport();
		BatchSpanProcessorBuilder builder = BatchSpanProcessor.builder(spanExporter)
			.setExportUnsampledSpans(export.isIncludeUnsampled())
			.setExporterTimeout(export.getTimeout())
			.setMaxExportBatchSize(export.getMaxBatchSize())
			.setMaxQueueSize(export.getMaxQueueSize())
			.setScheduleDelay(export.getScheduleDelay());
		meterProvider.ifAvailable(builder::setMeterProvider);
		return builder.build();
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
