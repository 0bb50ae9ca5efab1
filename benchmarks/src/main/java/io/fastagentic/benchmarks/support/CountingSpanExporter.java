package io.fastagentic.benchmarks.support;

import java.util.Collection;
import java.util.concurrent.atomic.LongAdder;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;

/**
 * A span exporter that discards what it gets and counts it: the in-process benchmarks
 * measure the application side of the pipeline (batch processor included), not a wire.
 */
public final class CountingSpanExporter implements SpanExporter {

	private final LongAdder exported = new LongAdder();

	@Override
	public CompletableResultCode export(Collection<SpanData> spans) {
		this.exported.add(spans.size());
		return CompletableResultCode.ofSuccess();
	}

	@Override
	public CompletableResultCode flush() {
		return CompletableResultCode.ofSuccess();
	}

	@Override
	public CompletableResultCode shutdown() {
		return CompletableResultCode.ofSuccess();
	}

	/**
	 * Spans exported so far.
	 * @return how many
	 */
	public long exported() {
		return this.exported.sum();
	}

	@Override
	public String toString() {
		return "CountingSpanExporter";
	}

}
