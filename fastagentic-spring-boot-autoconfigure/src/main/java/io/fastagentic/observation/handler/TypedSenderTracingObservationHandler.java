package io.fastagentic.observation.handler;

import io.micrometer.observation.transport.SenderContext;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.PropagatingSenderTracingObservationHandler;
import io.micrometer.tracing.propagation.Propagator;

/**
 * Micrometer's handler of outgoing requests, whose spans also get typed values (the
 * status code is a number).
 *
 * @author FastAgentic
 */
public class TypedSenderTracingObservationHandler extends PropagatingSenderTracingObservationHandler<SenderContext<?>> {

	/**
	 * Create the handler.
	 * @param tracer the tracer
	 * @param propagator injects the trace context into the outgoing request
	 */
	public TypedSenderTracingObservationHandler(Tracer tracer, Propagator propagator) {
		super(tracer, propagator);
	}

	@Override
	public void tagSpan(SenderContext<?> context, Span span) {
		TypedSpanAttributes.tagAll(context, span);
	}

}
