package io.fastagentic.autoconfigure.health;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.stream.Collectors;

import io.fastagentic.autoconfigure.otel.FastAgenticOtelAutoConfiguration;
import io.fastagentic.autoconfigure.sampling.FastAgenticSamplingAutoConfiguration;
import io.fastagentic.export.InProcessSpanExporter;
import io.fastagentic.export.SpanExportMonitor;
import io.fastagentic.health.SpanExportHealthIndicator;
import io.fastagentic.sampling.SamplingMonitor;
import io.fastagentic.health.SpanExportHealthIndicator.ExportTarget;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpTracingConnectionDetails;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpTracingProperties;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.Transport;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the trace export health indicator, shown as {@code fastagentic}
 * under {@code /actuator/health}. Disabled with
 * {@code management.health.fastagentic.enabled=false}.
 *
 * @author FastAgentic
 */
@AutoConfiguration(after = { FastAgenticOtelAutoConfiguration.class, OtlpTracingAutoConfiguration.class,
		FastAgenticSamplingAutoConfiguration.class })
@ConditionalOnClass({ HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnBean(SpanExportMonitor.class)
@ConditionalOnEnabledHealthIndicator("fastagentic")
public final class FastAgenticHealthAutoConfiguration {

	FastAgenticHealthAutoConfiguration() {
	}

	@Bean
	@ConditionalOnMissingBean(name = "fastagenticHealthIndicator")
	SpanExportHealthIndicator fastagenticHealthIndicator(SpanExportMonitor monitor,
			ObjectProvider<SpanExporter> spanExporters, ObjectProvider<OtlpTracingConnectionDetails> connectionDetails,
			ObjectProvider<OtlpTracingProperties> otlpProperties, ObjectProvider<SamplingMonitor> sampling) {
		List<SpanExporter> collectorExporters = spanExporters.orderedStream()
			.filter((exporter) -> !(exporter instanceof InProcessSpanExporter))
			.toList();
		return new SpanExportHealthIndicator(monitor,
				exportTarget(collectorExporters, connectionDetails.getIfAvailable(), otlpProperties.getIfAvailable()),
				sampling.getIfAvailable());
	}

	private static @Nullable ExportTarget exportTarget(List<SpanExporter> exporters,
			@Nullable OtlpTracingConnectionDetails connectionDetails, @Nullable OtlpTracingProperties otlpProperties) {
		if (exporters.isEmpty()) {
			return null;
		}
		if (connectionDetails != null && otlpProperties != null) {
			Transport transport = otlpProperties.getTransport();
			return new ExportTarget(withoutCredentials(connectionDetails.getUrl(transport)),
					(transport == Transport.GRPC) ? "grpc" : "http/protobuf");
		}
		return new ExportTarget(exporters.stream()
			.map((exporter) -> exporter.getClass().getSimpleName())
			.collect(Collectors.joining(",")), "custom");
	}

	/**
	 * The URL without user info and query, the two places credentials hide in a URL.
	 */
	static String withoutCredentials(String url) {
		try {
			URI uri = new URI(url);
			return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null).toString();
		}
		catch (URISyntaxException ex) {
			return "(unparseable endpoint)";
		}
	}

}
