package io.fastagentic.observation.handler;

import io.fastagentic.sampling.DeferredSpanAttributes;
import io.micrometer.observation.Observation;
import io.micrometer.observation.transport.ReceiverContext;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.PropagatingReceiverTracingObservationHandler;
import io.micrometer.tracing.otel.bridge.OtelSpan;
import io.micrometer.tracing.propagation.Propagator;
import io.opentelemetry.api.trace.StatusCode;
import org.jspecify.annotations.Nullable;

import org.springframework.http.server.observation.ServerRequestObservationContext;

/**
 * Micrometer's handler of incoming requests, whose spans also get typed values (the
 * status code is a number) and the OpenTelemetry HTTP server status rule: a request
 * answered 5xx is an ERROR span even when no exception reached the observation (an
 * exception handler that turned a failure into a 502, say); a 4xx answer leaves the span
 * unset, unless the application recorded an error.
 *
 * @author FastAgentic
 */
public class TypedReceiverTracingObservationHandler
		extends PropagatingReceiverTracingObservationHandler<ReceiverContext<?>> {

	private final @Nullable DeferredSpanAttributes deferredAttributes;

	/**
	 * Create the handler.
	 * @param tracer the tracer
	 * @param propagator extracts the incoming trace context
	 * @param deferredAttributes where the attributes of spans recorded for the sampling
	 * rules only wait for their trace's decision, or {@code null} without rules
	 */
	public TypedReceiverTracingObservationHandler(Tracer tracer, Propagator propagator,
			@Nullable DeferredSpanAttributes deferredAttributes) {
		super(tracer, propagator);
		this.deferredAttributes = deferredAttributes;
	}

	@Override
	public void tagSpan(ReceiverContext<?> context, Span span) {
		TypedSpanAttributes.tagAll(context, span, this.deferredAttributes);
	}

	@Override
	public void customizeReceiverSpan(ReceiverContext<?> context, Span span) {
		if (context.getError() == null && isServerError(context)) {
			OtelSpan.toOtel(span).setStatus(StatusCode.ERROR);
		}
	}

	private static boolean isServerError(Observation.Context context) {
		return context instanceof ServerRequestObservationContext server && server.getResponse() != null
				&& server.getResponse().getStatus() >= 500;
	}

}
