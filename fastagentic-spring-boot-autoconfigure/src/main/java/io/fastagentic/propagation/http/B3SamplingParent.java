package io.fastagentic.propagation.http;

import java.util.concurrent.TimeUnit;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import org.jspecify.annotations.Nullable;

/**
 * The remote parent of a request whose B3 headers carry a sampling state that
 * OpenTelemetry's {@link SpanContext} cannot express: a decision without trace ids
 * ({@code b3: 0}, {@code b3: 1}, {@code X-B3-Sampled} alone), or ids without a decision
 * ({@code b3: {trace}-{span}}, "defer"). Its span context is what OpenTelemetry's B3
 * parser would give (invalid, or not sampled), so that a sampler that does not know it
 * behaves as before; {@link B3AwareSampler} reads the state.
 * <p>
 * A span rather than a context key, because Micrometer's bridge keeps the extracted span
 * (and baggage) when it starts the server span, and drops every other key of the
 * extracted context. Storing the span in a context adds a key too, because the SDK shows
 * the sampler of a new root span a context whose span it has replaced.
 *
 * @author FastAgentic
 */
final class B3SamplingParent implements Span {

	/**
	 * What the caller decided.
	 */
	enum State {

		/**
		 * Sample this new trace ({@code 1} or {@code d} without ids).
		 */
		ACCEPT,

		/**
		 * Do not sample this new trace ({@code 0} without ids).
		 */
		DENY,

		/**
		 * Continue the trace, and let the receiver decide whether to sample it.
		 */
		DEFER

	}

	private static final ContextKey<B3SamplingParent> KEY = ContextKey.named("fastagentic-b3-sampling");

	private final SpanContext spanContext;

	private final State state;

	B3SamplingParent(SpanContext spanContext, State state) {
		this.spanContext = spanContext;
		this.state = state;
	}

	/**
	 * The caller's sampling state, when the parent in the context carries one.
	 * @param parentContext the context a span starts in
	 * @return the state, or {@code null}
	 */
	static @Nullable State stateOf(Context parentContext) {
		B3SamplingParent parent = parentContext.get(KEY);
		if (parent == null) {
			return null;
		}
		// Only for the span this is the parent of: a new root when the caller
		// sent no ids, a child of the caller's span otherwise.
		SpanContext seenBySampler = Span.fromContext(parentContext).getSpanContext();
		boolean ownChild = parent.spanContext.isValid() ? parent.spanContext.equals(seenBySampler)
				: !seenBySampler.isValid();
		return ownChild ? parent.state : null;
	}

	@Override
	public Context storeInContext(Context context) {
		return Span.super.storeInContext(context).with(KEY, this);
	}

	@Override
	public SpanContext getSpanContext() {
		return this.spanContext;
	}

	@Override
	public boolean isRecording() {
		return false;
	}

	@Override
	public <T> Span setAttribute(AttributeKey<T> key, @Nullable T value) {
		return this;
	}

	@Override
	public Span addEvent(String name, Attributes attributes) {
		return this;
	}

	@Override
	public Span addEvent(String name, Attributes attributes, long timestamp, TimeUnit unit) {
		return this;
	}

	@Override
	public Span setStatus(StatusCode statusCode, String description) {
		return this;
	}

	@Override
	public Span recordException(Throwable exception, Attributes additionalAttributes) {
		return this;
	}

	@Override
	public Span updateName(String name) {
		return this;
	}

	@Override
	public void end() {
	}

	@Override
	public void end(long timestamp, TimeUnit unit) {
	}

	@Override
	public String toString() {
		return "B3SamplingParent{spanContext=" + this.spanContext + ", state=" + this.state + "}";
	}

}
