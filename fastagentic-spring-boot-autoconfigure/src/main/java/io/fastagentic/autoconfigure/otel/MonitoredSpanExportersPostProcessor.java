package io.fastagentic.autoconfigure.otel;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.stream.Collectors;

import io.fastagentic.export.ExportDestination;
import io.fastagentic.export.InProcessSpanExporter;
import io.fastagentic.export.MonitoredSpanExporter;
import io.fastagentic.export.SpanExportMonitor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.SpanExporters;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpTracingConnectionDetails;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpTracingProperties;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.Transport;

/**
 * Wraps each collector exporter of the {@link SpanExporters} bean, Boot's or the user's,
 * in a {@link MonitoredSpanExporter}, so that Boot keeps building the batch span
 * processor from its own settings and every export call is still counted. Tells the
 * monitor where spans go, without credentials.
 *
 * @author FastAgentic
 */
final class MonitoredSpanExportersPostProcessor implements BeanPostProcessor {

	private static final Log logger = LogFactory.getLog(MonitoredSpanExportersPostProcessor.class);

	private final ObjectProvider<SpanExportMonitor> monitor;

	private final ObjectProvider<OtlpTracingConnectionDetails> connectionDetails;

	private final ObjectProvider<OtlpTracingProperties> otlpProperties;

	MonitoredSpanExportersPostProcessor(ObjectProvider<SpanExportMonitor> monitor,
			ObjectProvider<OtlpTracingConnectionDetails> connectionDetails,
			ObjectProvider<OtlpTracingProperties> otlpProperties) {
		this.monitor = monitor;
		this.connectionDetails = connectionDetails;
		this.otlpProperties = otlpProperties;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (!(bean instanceof SpanExporters spanExporters)) {
			return bean;
		}
		SpanExportMonitor exportMonitor = this.monitor.getIfAvailable();
		if (exportMonitor == null) {
			return bean;
		}
		List<SpanExporter> collectorExporters = spanExporters.list()
			.stream()
			.filter((exporter) -> !(exporter instanceof InProcessSpanExporter))
			.toList();
		if (collectorExporters.isEmpty()) {
			logger.info("Traces are recorded but not exported: no collector is configured. "
					+ "Set FASTAGENTIC_OTEL_ENDPOINT (for example http://otel-collector:4318) to export them over OTLP.");
			exportMonitor.exportingTo(null);
			return bean;
		}
		exportMonitor.exportingTo(destination(collectorExporters));
		return SpanExporters.of(spanExporters.list()
			.stream()
			.map((exporter) -> (exporter instanceof InProcessSpanExporter) ? exporter
					: new MonitoredSpanExporter(exporter, exportMonitor))
			.toList());
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
