package io.fastagentic.propagation.http;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
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
 *
 * @author FastAgentic
 */
final class B3SamplingParent extends ExtractedParent {

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

	private final State state;

	B3SamplingParent(SpanContext spanContext, State state) {
		super(spanContext);
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
		boolean ownChild = parent.getSpanContext().isValid() ? parent.getSpanContext().equals(seenBySampler)
				: !seenBySampler.isValid();
		return ownChild ? parent.state : null;
	}

	@Override
	Context withKey(Context context) {
		return context.with(KEY, this);
	}

	@Override
	public String toString() {
		return "B3SamplingParent{spanContext=" + getSpanContext() + ", state=" + this.state + "}";
	}

}
