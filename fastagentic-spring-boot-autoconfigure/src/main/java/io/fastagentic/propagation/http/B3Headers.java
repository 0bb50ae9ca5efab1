package io.fastagentic.propagation.http;

import java.util.Collections;
import java.util.Iterator;
import java.util.Locale;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanId;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceId;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import io.opentelemetry.extension.trace.propagation.B3Propagator;
import org.jspecify.annotations.Nullable;

/**
 * B3 (https://github.com/openzipkin/b3-propagation) where OpenTelemetry's B3 propagator
 * differs from it. OpenTelemetry's parser reads the ids; this adds the sampling states it
 * drops:
 * <ul>
 * <li>a sampling decision without ids ({@code b3: 0|1|d}, or {@code X-B3-Sampled} or
 * {@code X-B3-Flags: 1} without {@code X-B3-TraceId} and {@code X-B3-SpanId}) decides the
 * new trace this request starts, instead of being ignored;</li>
 * <li>ids without a sampled flag "defer" the decision to this service, instead of meaning
 * "not sampled";</li>
 * <li>"debug" ({@code b3: {trace}-{span}-d}, {@code X-B3-Flags: 1}) lasts for the whole
 * request: it is kept in the trace state of every span of the trace in this process as
 * {@code fastagentic=b3-debug}, which never leaves the process in a header, and outgoing
 * B3 says {@code d}, or {@code X-B3-Flags: 1} without {@code X-B3-Sampled} ("Debug
 * implies an accept decision, so don't also send the X-B3-Sampled header"). OpenTelemetry
 * keeps it in a context key, which Micrometer drops when it starts the server span.</li>
 * </ul>
 *
 * @author FastAgentic
 */
final class B3Headers {

	static final String DEBUG_KEY = "fastagentic";

	private static final String DEBUG_VALUE = "b3-debug";

	private static final TraceState DEBUG_TRACE_STATE = TraceState.builder().put(DEBUG_KEY, DEBUG_VALUE).build();

	private static final String SINGLE = "b3";

	private static final String TRACE_ID = "X-B3-TraceId";

	private static final String SPAN_ID = "X-B3-SpanId";

	private static final String SAMPLED = "X-B3-Sampled";

	private static final String FLAGS = "X-B3-Flags";

	private static final String DEBUG_FLAG = "1";

	private static final TextMapPropagator PARSER = B3Propagator.injectingSingleHeader();

	private B3Headers() {
	}

	/**
	 * The remote parent a request's B3 headers name.
	 * @param <C> the carrier type
	 * @param carrier the request
	 * @param headers its headers
	 * @return the parent, with an invalid span context when the headers carry a sampling
	 * decision only, or {@code null} when they carry nothing usable
	 */
	static <C> @Nullable Span parent(@Nullable C carrier, IncomingHeaders<C> headers) {
		String single = headers.get(carrier, SINGLE);
		if (single != null) {
			SpanContext ids = ids(carrier, new OnlySingleHeader<>(headers));
			if (ids.isValid()) {
				// As OpenTelemetry's parser splits {trace}-{span}[-{sampled}[-{parent}]].
				String[] parts = single.split("-");
				return withSamplingState(ids, (parts.length == 2) ? null : parts[2]);
			}
		}
		SpanContext ids = ids(carrier, new WithoutSingleHeader<>(headers));
		String flags = headers.get(carrier, FLAGS);
		String sampled = headers.get(carrier, SAMPLED);
		if (ids.isValid()) {
			return withSamplingState(ids, DEBUG_FLAG.equals(flags) ? "d" : sampled);
		}
		if (single != null) {
			return samplingOnly(single);
		}
		// Ids sent but unusable (malformed, or repeated with different values) make a
		// new trace that this service decides, whatever the sampled header says.
		if (headers.isPresent(carrier, TRACE_ID) || headers.isPresent(carrier, SPAN_ID)) {
			return null;
		}
		if (DEBUG_FLAG.equals(flags)) {
			return samplingOnly("d");
		}
		return (sampled != null) ? samplingOnly(sampled.toLowerCase(Locale.ROOT)) : null;
	}

	private static <C> SpanContext ids(@Nullable C carrier, TextMapGetter<C> headers) {
		try {
			return Span.fromContext(PARSER.extract(Context.root(), carrier, headers)).getSpanContext();
		}
		catch (RuntimeException ex) {
			// A malformed header is the caller's mistake, never a reason to fail.
			return SpanContext.getInvalid();
		}
	}

	private static Span withSamplingState(SpanContext ids, @Nullable String sampled) {
		if (sampled == null) {
			return new B3SamplingParent(ids, B3SamplingParent.State.DEFER);
		}
		if ("d".equals(sampled)) {
			// OpenTelemetry's parser already made a debug parent sampled.
			return Span.wrap(SpanContext.createFromRemoteParent(ids.getTraceId(), ids.getSpanId(), ids.getTraceFlags(),
					DEBUG_TRACE_STATE));
		}
		return Span.wrap(ids);
	}

	private static @Nullable Span samplingOnly(String sampled) {
		return switch (sampled) {
			case "1", "true" ->
				new B3SamplingParent(decisionOnly(TraceState.getDefault()), B3SamplingParent.State.ACCEPT);
			case "d" -> new B3SamplingParent(decisionOnly(DEBUG_TRACE_STATE), B3SamplingParent.State.ACCEPT);
			case "0", "false" ->
				new B3SamplingParent(decisionOnly(TraceState.getDefault()), B3SamplingParent.State.DENY);
			default -> null;
		};
	}

	/**
	 * An invalid span context (no ids), whose trace state the new trace inherits.
	 */
	private static SpanContext decisionOnly(TraceState traceState) {
		return SpanContext.create(TraceId.getInvalid(), SpanId.getInvalid(), TraceFlags.getDefault(), traceState);
	}

	/**
	 * Whether the trace of a span is a B3 debug trace.
	 * @param spanContext the span's context
	 * @return whether it is
	 */
	static boolean isDebug(SpanContext spanContext) {
		return DEBUG_VALUE.equals(spanContext.getTraceState().get(DEBUG_KEY));
	}

	/**
	 * A span context without the debug mark, which stays in this process.
	 * @param spanContext the span's context
	 * @return the same ids and flags, with the rest of the trace state
	 */
	static SpanContext withoutDebugMark(SpanContext spanContext) {
		TraceState traceState = spanContext.getTraceState().toBuilder().remove(DEBUG_KEY).build();
		return SpanContext.create(spanContext.getTraceId(), spanContext.getSpanId(), spanContext.getTraceFlags(),
				traceState);
	}

	/**
	 * A setter that turns what OpenTelemetry's B3 injectors write for a sampled span into
	 * what B3 says for a debug one: {@code d} in the single header, {@code X-B3-Flags: 1}
	 * instead of {@code X-B3-Sampled}.
	 * @param <C> the carrier type
	 * @param setter the setter that writes the headers
	 * @return the debug setter
	 */
	static <C> TextMapSetter<C> debugSetter(TextMapSetter<C> setter) {
		return (carrier, key, value) -> {
			if (SINGLE.equalsIgnoreCase(key)) {
				setter.set(carrier, key, value.substring(0, value.lastIndexOf('-') + 1) + "d");
			}
			else if (SAMPLED.equalsIgnoreCase(key)) {
				setter.set(carrier, FLAGS, DEBUG_FLAG);
			}
			else {
				setter.set(carrier, key, value);
			}
		};
	}

	/**
	 * The request's headers with the multi-header B3 format hidden, so that
	 * OpenTelemetry's parser reads the single header only.
	 */
	private record OnlySingleHeader<C>(IncomingHeaders<C> headers) implements TextMapGetter<C> {

		@Override
		public Iterable<String> keys(C carrier) {
			return Collections.singletonList(SINGLE);
		}

		@Override
		public @Nullable String get(@Nullable C carrier, String key) {
			return SINGLE.equalsIgnoreCase(key) ? this.headers.get(carrier, key) : null;
		}

	}

	/**
	 * The request's headers with the single B3 header hidden, so that OpenTelemetry's
	 * parser reads the multi-header format only.
	 */
	private record WithoutSingleHeader<C>(IncomingHeaders<C> headers) implements TextMapGetter<C> {

		@Override
		public Iterable<String> keys(C carrier) {
			return this.headers.keys(carrier);
		}

		@Override
		public @Nullable String get(@Nullable C carrier, String key) {
			return SINGLE.equalsIgnoreCase(key) ? null : this.headers.get(carrier, key);
		}

		@Override
		public Iterator<String> getAll(@Nullable C carrier, String key) {
			return SINGLE.equalsIgnoreCase(key) ? Collections.emptyIterator() : this.headers.getAll(carrier, key);
		}

	}

}
