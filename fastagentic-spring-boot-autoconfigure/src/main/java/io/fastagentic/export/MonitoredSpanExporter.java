package io.fastagentic.export;

import java.time.Instant;
import java.util.Collection;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;

/**
 * A {@link SpanExporter} that reports every export call to a {@link SpanExportMonitor},
 * when it starts and how it ends, and otherwise does exactly what its delegate does.
 *
 * @author FastAgentic
 */
public final class MonitoredSpanExporter extends ForwardingSpanExporter {

	private final SpanExportMonitor monitor;

	/**
	 * Wrap an exporter.
	 * @param delegate the exporter that sends the spans
	 * @param monitor where outcomes are recorded
	 */
	public MonitoredSpanExporter(SpanExporter delegate, SpanExportMonitor monitor) {
		super(delegate);
		this.monitor = monitor;
	}

	@Override
	public CompletableResultCode export(Collection<SpanData> spans) {
		int count = spans.size();
		Instant started = this.monitor.exportStarted();
		CompletableResultCode result;
		try {
			result = this.delegate.export(spans);
		}
		catch (RuntimeException ex) {
			// The batch processor must keep running whatever an exporter does.
			this.monitor.recordExport(started, count, false, ex);
			return CompletableResultCode.ofExceptionalFailure(ex);
		}
		result.whenComplete(
				() -> this.monitor.recordExport(started, count, result.isSuccess(), result.getFailureThrowable()));
		return result;
	}

}
