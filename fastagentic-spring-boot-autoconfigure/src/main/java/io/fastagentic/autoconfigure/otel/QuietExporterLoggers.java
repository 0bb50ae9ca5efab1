package io.fastagentic.autoconfigure.otel;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.springframework.beans.factory.DisposableBean;

/**
 * Turns off the OTLP exporter's own java.util.logging loggers, which log an error with a
 * stack trace for every failed batch, while the application runs; the
 * {@link io.fastagentic.export.SpanExportMonitor} reports outages instead. Holds the
 * loggers, since java.util.logging keeps only weak references to them, and gives them
 * back their level on shutdown.
 *
 * @author FastAgentic
 */
final class QuietExporterLoggers implements DisposableBean {

	static final List<String> LOGGER_NAMES = List.of("io.opentelemetry.exporter.internal.http.HttpExporter",
			"io.opentelemetry.exporter.internal.grpc.GrpcExporter");

	private final List<Logger> loggers;

	private final List<Level> previousLevels;

	QuietExporterLoggers() {
		this.loggers = LOGGER_NAMES.stream().map(Logger::getLogger).toList();
		this.previousLevels = this.loggers.stream().map(Logger::getLevel).toList();
		this.loggers.forEach((logger) -> logger.setLevel(Level.OFF));
	}

	@Override
	public void destroy() {
		for (int i = 0; i < this.loggers.size(); i++) {
			this.loggers.get(i).setLevel(this.previousLevels.get(i));
		}
	}

}
