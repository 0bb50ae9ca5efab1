package io.fastagentic.sampling;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.sdk.common.InstrumentationLibraryInfo;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.data.DelegatingSpanData;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.jspecify.annotations.Nullable;

/**
 * A finished span of a trace kept by a rule, handed to the batch span processor as a
 * sampled span so that it travels the one export pipeline like every other span.
 *
 * @author FastAgentic
 */
final class KeptSpan implements ReadableSpan {

	private final SpanData data;

	KeptSpan(SpanData recorded) {
		SpanContext recordedContext = recorded.getSpanContext();
		SpanContext sampledContext = SpanContext.create(recordedContext.getTraceId(), recordedContext.getSpanId(),
				TraceFlags.getSampled(), recordedContext.getTraceState());
		this.data = new DelegatingSpanData(recorded) {

			@Override
			public SpanContext getSpanContext() {
				return sampledContext;
			}

		};
	}

	@Override
	public SpanContext getSpanContext() {
		return this.data.getSpanContext();
	}

	@Override
	public SpanContext getParentSpanContext() {
		return this.data.getParentSpanContext();
	}

	@Override
	public String getName() {
		return this.data.getName();
	}

	@Override
	public SpanData toSpanData() {
		return this.data;
	}

	@Override
	@Deprecated
	@SuppressWarnings("deprecation")
	public InstrumentationLibraryInfo getInstrumentationLibraryInfo() {
		return this.data.getInstrumentationLibraryInfo();
	}

	@Override
	public InstrumentationScopeInfo getInstrumentationScopeInfo() {
		return this.data.getInstrumentationScopeInfo();
	}

	@Override
	public boolean hasEnded() {
		return true;
	}

	@Override
	public long getLatencyNanos() {
		return this.data.getEndEpochNanos() - this.data.getStartEpochNanos();
	}

	@Override
	public SpanKind getKind() {
		return this.data.getKind();
	}

	@Override
	public <T> @Nullable T getAttribute(AttributeKey<T> key) {
		return this.data.getAttributes().get(key);
	}

	@Override
	public Attributes getAttributes() {
		return this.data.getAttributes();
	}

}
