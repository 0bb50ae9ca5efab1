package io.fastagentic.correlation;

import io.micrometer.tracing.otel.bridge.Slf4JEventListener;

/**
 * Micrometer's {@link Slf4JEventListener} under FastAgentic's key names
 * ({@code trace_id}, {@code span_id}) that also keeps {@code run_id} and {@code user_id}
 * in the MDC ({@link CorrelationMdcEventListener}), in the same call: Spring Boot's event
 * publisher calls every listener at every scope change, through one interface call site,
 * and one listener fewer keeps that site cheap.
 *
 * @author FastAgentic
 */
public final class CorrelatedSlf4JEventListener extends Slf4JEventListener {

	private final CorrelationMdcEventListener correlation;

	/**
	 * Create the listener.
	 * @param correlation keeps the run and user ids in the MDC
	 */
	public CorrelatedSlf4JEventListener(CorrelationMdcEventListener correlation) {
		super(CorrelationKeys.TRACE_ID, CorrelationKeys.SPAN_ID);
		this.correlation = correlation;
	}

	@Override
	public void onEvent(Object event) {
		super.onEvent(event);
		this.correlation.onEvent(event);
	}

}
