package io.fastagentic.autoconfigure.otel;

import java.time.Clock;

import io.fastagentic.export.ExportQueueMeterProvider;
import io.fastagentic.export.SpanExportMonitor;
import io.micrometer.tracing.exporter.SpanExportingPredicate;
import io.micrometer.tracing.exporter.SpanFilter;
import io.micrometer.tracing.exporter.SpanReporter;
import io.micrometer.tracing.otel.bridge.CompositeSpanExporter;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.metrics.MeterProvider;
import io.opentelemetry.sdk.common.export.RetryPolicy;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessorBuilder;
import io.opentelemetry.sdk.trace.export.SpanExporter;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingProperties;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.SpanExporters;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpGrpcSpanExporterBuilderCustomizer;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpHttpSpanExporterBuilderCustomizer;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpTracingConnectionDetails;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpTracingProperties;
import org.springframework.boot.opentelemetry.autoconfigure.ConditionalOnEnabledOpenTelemetry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration of FastAgentic tracing on top of Spring Boot's OpenTelemetry
 * support. Boot builds the one SDK, the one OTLP exporter and the batch span processor
 * from the properties that {@link TracingEnvironmentListener} derives from
 * {@code fastagentic.otel.*}; this class contributes to them through Boot's hooks:
 * <ul>
 * <li>every exporter of Boot's {@link SpanExporters} is wrapped so that attribute values
 * are cut to {@code fastagentic.export.max-attribute-value-length}, and every collector
 * exporter so that export outcomes are counted too (a {@link BeanPostProcessor}: the list
 * keeps its type, order and Micrometer span filters);</li>
 * <li>spans dropped on a full queue are counted through the {@link MeterProvider} that
 * Boot hands to the batch span processor, the only hook Boot offers there (a bean only
 * when the application has no {@code MeterProvider} of its own);</li>
 * <li>the OTLP exporter's retry backoff is set through Boot's exporter builder
 * customizers, so a collector that comes back is used within a second;</li>
 * <li>the exporter's own per-batch error log is silenced in favour of the monitor's
 * outage log.</li>
 * </ul>
 * One workaround remains where Boot has no hook: without Micrometer span filters,
 * predicates or reporters, the batch span processor is built as Boot builds it but
 * without Micrometer's copy of every span (see
 * {@link UncopiedBatchSpanProcessorConfiguration}).
 *
 * @author FastAgentic
 */
@AutoConfiguration(before = OpenTelemetryTracingAutoConfiguration.class)
@ConditionalOnClass({ OpenTelemetry.class, SdkTracerProvider.class, OpenTelemetryTracingAutoConfiguration.class })
@EnableConfigurationProperties({ FastAgenticOtelProperties.class, FastAgenticExportProperties.class })
public final class FastAgenticOtelAutoConfiguration {

	FastAgenticOtelAutoConfiguration() {
	}

	@Bean
	@ConditionalOnMissingBean
	SpanExportMonitor fastAgenticSpanExportMonitor() {
		return new SpanExportMonitor(Clock.systemUTC());
	}

	@Bean
	static BeanPostProcessor fastAgenticSpanExporters(ObjectProvider<SpanExportMonitor> monitor,
			ObjectProvider<OtlpTracingConnectionDetails> connectionDetails,
			ObjectProvider<OtlpTracingProperties> otlpProperties,
			ObjectProvider<FastAgenticExportProperties> exportProperties) {
		return new SpanExportersPostProcessor(monitor, connectionDetails, otlpProperties, exportProperties);
	}

	@Bean
	OtlpHttpSpanExporterBuilderCustomizer fastAgenticOtlpHttpRetry(FastAgenticExportProperties properties) {
		return (builder) -> builder.setRetryPolicy(retryPolicy(properties.getRetry()));
	}

	@Bean
	OtlpGrpcSpanExporterBuilderCustomizer fastAgenticOtlpGrpcRetry(FastAgenticExportProperties properties) {
		return (builder) -> builder.setRetryPolicy(retryPolicy(properties.getRetry()));
	}

	static RetryPolicy retryPolicy(FastAgenticExportProperties.Retry retry) {
		try {
			return RetryPolicy.builder()
				.setMaxAttempts(retry.getMaxAttempts())
				.setInitialBackoff(retry.getInitialBackoff())
				.setMaxBackoff(retry.getMaxBackoff())
				.setBackoffMultiplier(retry.getBackoffMultiplier())
				.build();
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("Invalid fastagentic.export.retry.* (FASTAGENTIC_EXPORT_RETRY_*): "
					+ ex.getMessage() + "; max-attempts accepts 2 to 5, the backoffs a positive duration, "
					+ "backoff-multiplier a number above 0", ex);
		}
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "fastagentic.export.quiet-exporter-log", matchIfMissing = true)
	QuietExporterLoggers fastAgenticQuietExporterLoggers() {
		return new QuietExporterLoggers();
	}

	@Bean
	@ConditionalOnMissingBean(MeterProvider.class)
	ExportQueueMeterProvider fastAgenticExportQueueMeterProvider(SpanExportMonitor monitor) {
		return new ExportQueueMeterProvider(monitor);
	}

	/**
	 * Boot's batch span processor hands every span to Micrometer's
	 * {@link CompositeSpanExporter}, which copies it (rebuilding its attributes and
	 * resource on each read) so that Micrometer span filters, predicates and reporters
	 * can act; the copy costs most of the export CPU. Boot offers no hook to leave it
	 * out, so while the application declares none of those Micrometer beans this builds
	 * the same processor from the same settings and beans (Boot's {@link SpanExporters},
	 * the {@link MeterProvider}), minus the copy. With any of them, or with a
	 * {@code BatchSpanProcessor} of the user's, Boot's own processor is used.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnEnabledOpenTelemetry
	@ConditionalOnMissingBean({ BatchSpanProcessor.class, SpanFilter.class, SpanExportingPredicate.class,
			SpanReporter.class })
	@EnableConfigurationProperties(OpenTelemetryTracingProperties.class)
	static class UncopiedBatchSpanProcessorConfiguration {

		@Bean
		BatchSpanProcessor fastAgenticSpanProcessor(SpanExporters spanExporters,
				ObjectProvider<MeterProvider> meterProvider, OpenTelemetryTracingProperties properties) {
			OpenTelemetryTracingProperties.Export export = properties.getExport();
			BatchSpanProcessorBuilder builder = BatchSpanProcessor.builder(SpanExporter.composite(spanExporters.list()))
				.setExportUnsampledSpans(export.isIncludeUnsampled())
				.setExporterTimeout(export.getTimeout())
				.setMaxExportBatchSize(export.getMaxBatchSize())
				.setMaxQueueSize(export.getMaxQueueSize())
				.setScheduleDelay(export.getScheduleDelay());
			meterProvider.ifAvailable(builder::setMeterProvider);
			return builder.build();
		}

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
