package io.fastagentic.export;

/**
 * Where spans are exported.
 *
 * @param endpoint the collector URL without credentials, or the exporter types when they
 * are not OTLP
 * @param protocol the OTLP protocol name, or {@code custom}
 * @author FastAgentic
 */
public record ExportDestination(String endpoint, String protocol) {

}
