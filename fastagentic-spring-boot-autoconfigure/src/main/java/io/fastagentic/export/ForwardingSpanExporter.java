package io.fastagentic.export;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.export.SpanExporter;

/**
 * A {@link SpanExporter} that hands everything but the export call to the exporter it
 * wraps.
 *
 * @author FastAgentic
 */
abstract class ForwardingSpanExporter implements SpanExporter {

	protected final SpanExporter delegate;

	ForwardingSpanExporter(SpanExporter delegate) {
		this.delegate = delegate;
	}

	@Override
	public CompletableResultCode flush() {
		return this.delegate.flush();
	}

	@Override
	public CompletableResultCode shutdown() {
		return this.delegate.shutdown();
	}

	@Override
	public void close() {
		this.delegate.close();
	}

	@Override
	public String toString() {
		return getClass().getSimpleName() + "{" + this.delegate + "}";
	}

}
