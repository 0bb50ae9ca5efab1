package io.fastagentic.viewer;

import java.util.List;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.sdk.testing.trace.TestSpanData;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import org.jspecify.annotations.Nullable;

/**
 * Finished spans for the viewer's tests: trace {@code n} has the id {@code n} in 32 hex
 * digits, and times are nanoseconds from an arbitrary origin.
 */
final class ViewerSpans {

	private ViewerSpans() {
	}

	static String traceId(int trace) {
		return String.format("%032x", trace);
	}

	static String spanId(int span) {
		return String.format("%016x", span);
	}

	static SpanData root(int trace, int span, String name, long start, long end) {
		return span(trace, span, null, name, start, end, StatusData.unset(), Attributes.empty());
	}

	static SpanData child(int trace, int span, int parent, String name, long start, long end) {
		return span(trace, span, parent, name, start, end, StatusData.unset(), Attributes.empty());
	}

	static SpanData span(int trace, int span, @Nullable Integer parent, String name, long start, long end,
			StatusData status, Attributes attributes) {
		return builder(trace, span, parent, name, start, end).setStatus(status).setAttributes(attributes).build();
	}

	static TestSpanData.Builder builder(int trace, int span, @Nullable Integer parent, String name, long start,
			long end) {
		SpanContext parentContext = (parent != null) ? context(trace, parent, false) : SpanContext.getInvalid();
		return TestSpanData.builder()
			.setSpanContext(context(trace, span, false))
			.setParentSpanContext(parentContext)
			.setName(name)
			.setKind((parent != null) ? SpanKind.INTERNAL : SpanKind.SERVER)
			.setStartEpochNanos(start)
			.setEndEpochNanos(end)
			.setHasEnded(true)
			.setStatus(StatusData.unset())
			.setAttributes(Attributes.empty())
			.setEvents(List.<EventData>of())
			.setTotalRecordedEvents(0);
	}

	static SpanContext context(int trace, int span, boolean remote) {
		return remote
				? SpanContext.createFromRemoteParent(traceId(trace), spanId(span), TraceFlags.getSampled(),
						TraceState.getDefault())
				: SpanContext.create(traceId(trace), spanId(span), TraceFlags.getSampled(), TraceState.getDefault());
	}

}
