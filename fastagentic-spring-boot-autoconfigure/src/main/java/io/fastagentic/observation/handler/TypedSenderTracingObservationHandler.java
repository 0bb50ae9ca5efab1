package io.fastagentic.observation.handler;

import io.fastagentic.sampling.DeferredSpanAttributes;
import io.micrometer.observation.transport.SenderContext;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.PropagatingSenderTracingObservationHandler;
import io.micrometer.tracing.propagation.Propagator;
import org.jspecify.annotations.Nullable;

/**
 * Micrometer's handler of outgoing requests, whose spans also get typed values (the
 * status code is a number).
 *
 * @author FastAgentic
 */
public class TypedSenderTracingObservationHandler extends PropagatingSenderTracingObservationHandler<SenderContext<?>> {

	private final @Nullable DeferredSpanAttributes deferredAttributes;

	/**
	 * Create the handler.
	 * @param tracer the tracer
	 * @param propagator injects the trace context into the outgoing request
	 * @param deferredAttributes where the attributes of spans recorded for the sampling
	 * rules only wait for their trace's decision, or {@code null} without rules
	 */
	public TypedSenderTracingObservationHandler(Tracer tracer, Propagator propagator,
			@Nullable DeferredSpanAttributes deferredAttributes) {
		super(tracer, propagator);
		this.deferredAttributes = deferredAttributes;
	}

	@Override
	public void tagSpan(SenderContext<?> context, Span span) {
		TypedSpanAttributes.tagAll(context, span, this.deferredAttributes);
	}

}
