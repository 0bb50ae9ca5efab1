package io.fastagentic.benchmarks.support;

import java.util.concurrent.atomic.LongAdder;

import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;

/**
 * Counts the spans the SDK recorded (every span a sampler did not drop outright, sampled
 * or record-only) and those of them that are sampled, at their end. Added to every
 * measured configuration alike; it costs one {@link LongAdder} increment or two per span.
 */
public final class SpanCounter implements SpanProcessor {

	private final LongAdder recorded = new LongAdder();

	private final LongAdder sampled = new LongAdder();

	@Override
	public void onStart(Context parentContext, ReadWriteSpan span) {
	}

	@Override
	public boolean isStartRequired() {
		return false;
	}

	@Override
	public void onEnd(ReadableSpan span) {
		this.recorded.increment();
		if (span.getSpanContext().isSampled()) {
			this.sampled.increment();
		}
	}

	@Override
	public boolean isEndRequired() {
		return true;
	}

	/**
	 * Spans recorded so far.
	 * @return how many
	 */
	public long recorded() {
		return this.recorded.sum();
	}

	/**
	 * Sampled spans so far (those the export pipeline is meant to get).
	 * @return how many
	 */
	public long sampled() {
		return this.sampled.sum();
	}

}
