package io.fastagentic.observation.scope;

import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * Runs work inside an observation that stops while its scope is still open.
 * <p>
 * Micrometer's {@link Observation#observe} closes the scope first and then stops. Spring
 * Boot wraps every meter handler in a {@code TracingAwareMeterObservationHandler}, which
 * makes the stopping observation's span current while the meters are recorded, for
 * exemplars: after the scope closed, that is one more OpenTelemetry context attach and
 * detach, and three more scope events for every event listener, at every stop, sampled or
 * not. Stopped inside its scope, the span is already current and nothing is attached;
 * spans, meters and exemplars are the same.
 *
 * @author FastAgentic
 */
public final class InScopeObservations {

	private InScopeObservations() {
	}

	/**
	 * Start the observation, run the work in its scope, record a failure and stop it
	 * before the scope closes.
	 * @param <T> the result type
	 * @param <E> the exception the work may throw
	 * @param observation the observation, not started
	 * @param work the work
	 * @return the work's result
	 * @throws E what the work throws, unchanged
	 */
	public static <T extends @Nullable Object, E extends Throwable> T observe(Observation observation,
			Observation.CheckedCallable<T, E> work) throws E {
		observation.start();
		try (Observation.Scope scope = observation.openScope()) {
			try {
				return work.call();
			}
			catch (Throwable ex) {
				observation.error(ex);
				throw ex;
			}
			finally {
				observation.stop();
			}
		}
	}

}
