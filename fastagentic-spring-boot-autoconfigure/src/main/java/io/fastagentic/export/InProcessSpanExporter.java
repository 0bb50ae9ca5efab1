package io.fastagentic.export;

import io.opentelemetry.sdk.trace.export.SpanExporter;

/**
 * A {@link SpanExporter} that keeps spans inside the application (the local trace viewer,
 * say). It shares the batch processor with the collector exporters but is not a collector
 * export: its outcomes are not counted by the {@link SpanExportMonitor}, and it alone
 * does not make the application "exporting".
 *
 * @author FastAgentic
 */
public interface InProcessSpanExporter extends SpanExporter {

}
