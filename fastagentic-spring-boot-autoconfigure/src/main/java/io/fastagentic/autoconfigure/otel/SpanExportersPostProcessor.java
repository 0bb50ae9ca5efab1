package io.fastagentic.autoconfigure.otel;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.stream.Collectors;

import io.fastagentic.export.BoundedSpanExporter;
import io.fastagentic.export.ExportDestination;
import io.fastagentic.export.InProcessSpanExporter;
import io.fastagentic.export.MonitoredSpanExporter;
import io.fastagentic.export.SpanExportMonitor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.SpanExporters;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpTracingConnectionDetails;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpTracingProperties;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.Transport;

/**
 * Wraps each exporter of the {@link SpanExporters} bean, Boot's or the user's, so that
 * Boot keeps building the batch span processor from its own settings: every exporter, the
 * trace viewer's included, in a {@link BoundedSpanExporter}, and each collector exporter
 * also in a {@link MonitoredSpanExporter}, so that every export call is counted. Tells
 * the monitor where spans go, without credentials.
 *
 * @author FastAgentic
 */
final class SpanExportersPostProcessor implements BeanPostProcessor {

	private static final String MAX_ATTRIBUTE_VALUE_LENGTH = "fastagentic.export.max-attribute-value-length";

	private static final Log logger = LogFactory.getLog(SpanExportersPostProcessor.class);

	private final ObjectProvider<SpanExportMonitor> monitor;

	private final ObjectProvider<OtlpTracingConnectionDetails> connectionDetails;

	private final ObjectProvider<OtlpTracingProperties> otlpProperties;

	private final ObjectProvider<FastAgenticExportProperties> exportProperties;

	SpanExportersPostProcessor(ObjectProvider<SpanExportMonitor> monitor,
			ObjectProvider<OtlpTracingConnectionDetails> connectionDetails,
			ObjectProvider<OtlpTracingProperties> otlpProperties,
			ObjectProvider<FastAgenticExportProperties> exportProperties) {
		this.monitor = monitor;
		this.connectionDetails = connectionDetails;
		this.otlpProperties = otlpProperties;
		this.exportProperties = exportProperties;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (!(bean instanceof SpanExporters spanExporters)) {
			return bean;
		}
		int maxLength = maxAttributeValueLength();
		SpanExportMonitor exportMonitor = this.monitor.getIfAvailable();
		if (exportMonitor != null) {
			tellDestination(spanExporters, exportMonitor);
		}
		if (spanExporters.list().isEmpty()) {
			return bean;
		}
		return SpanExporters.of(spanExporters.list()
			.stream()
			.<SpanExporter>map((exporter) -> (exporter instanceof InProcessSpanExporter || exportMonitor == null)
					? new BoundedSpanExporter(exporter, maxLength)
					: new MonitoredSpanExporter(new BoundedSpanExporter(exporter, maxLength), exportMonitor))
			.toList());
	}

	private int maxAttributeValueLength() {
		int maxLength = this.exportProperties.getIfAvailable(FastAgenticExportProperties::new)
			.getMaxAttributeValueLength();
		if (maxLength < 1) {
			throw new InvalidConfigurationPropertyValueException(MAX_ATTRIBUTE_VALUE_LENGTH, maxLength,
					"It is the longest exported attribute value, in characters "
							+ "(FASTAGENTIC_EXPORT_MAX_ATTRIBUTE_VALUE_LENGTH): 1 or more.");
		}
		return maxLength;
	}

	private void tellDestination(SpanExporters spanExporters, SpanExportMonitor exportMonitor) {
		List<SpanExporter> collectorExporters = spanExporters.list()
			.stream()
			.filter((exporter) -> !(exporter instanceof InProcessSpanExporter))
			.toList();
		if (collectorExporters.isEmpty()) {
			logger.info("Traces are recorded but not exported: no collector is configured. "
					+ "Set FASTAGENTIC_OTEL_ENDPOINT (for example http://otel-collector:4318) to export them over OTLP.");
			exportMonitor.exportingTo(null);
		}
		else {
			exportMonitor.exportingTo(destination(collectorExporters));
		}
	}

	private ExportDestination destination(List<SpanExporter> exporters) {
		OtlpTracingConnectionDetails details = this.connectionDetails.getIfAvailable();
		OtlpTracingProperties properties = this.otlpProperties.getIfAvailable();
		if (details != null && properties != null) {
			Transport transport = properties.getTransport();
			return new ExportDestination(withoutCredentials(details.getUrl(transport)),
					(transport == Transport.GRPC) ? "grpc" : "http/protobuf");
		}
		return new ExportDestination(exporters.stream()
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
