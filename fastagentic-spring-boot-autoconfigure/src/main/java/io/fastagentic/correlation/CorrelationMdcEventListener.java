package io.fastagentic.correlation;

import java.util.Objects;

import io.micrometer.tracing.otel.bridge.EventListener;
import io.micrometer.tracing.otel.bridge.EventPublishingContextWrapper.ScopeAttachedEvent;
import io.micrometer.tracing.otel.bridge.EventPublishingContextWrapper.ScopeRestoredEvent;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * Keeps {@code run_id} and {@code user_id} in the MDC equal to those of the current
 * context ({@link AgentCorrelation}) whenever a scope is attached or closed, so that
 * every log line carries them, on every thread the context reaches, and no id outlives
 * its request on a pooled thread. The MDC is written only when an id changes.
 *
 * @author FastAgentic
 */
public final class CorrelationMdcEventListener implements EventListener {

	/**
	 * The ids this listener last wrote into the MDC of each thread: most scope changes
	 * keep them, and then the MDC is not even read.
	 */
	private final ThreadLocal<Written> written = ThreadLocal.withInitial(Written::new);

	private final boolean mdcShared;

	/**
	 * Create the listener.
	 * @param mdcShared whether another listener writes the same MDC keys (Spring Boot's
	 * baggage correlation listener does when
	 * {@code management.tracing.baggage.correlation.fields} names {@code run_id} or
	 * {@code user_id}, and removes them at every scope close): the MDC is then compared
	 * at every scope change rather than trusted to hold this listener's last write
	 */
	public CorrelationMdcEventListener(boolean mdcShared) {
		this.mdcShared = mdcShared;
	}

	@Override
	public void onEvent(Object event) {
		// Both events come once the context they name is current.
		if (event instanceof ScopeAttachedEvent || event instanceof ScopeRestoredEvent) {
			AgentCorrelation correlation = AgentCorrelation.current();
			Written written = this.written.get();
			if (this.mdcShared || correlation != written.correlation) {
				update(CorrelationKeys.RUN_ID, (correlation != null) ? correlation.runId() : null);
				update(CorrelationKeys.USER_ID, (correlation != null) ? correlation.userId() : null);
				written.correlation = correlation;
			}
		}
	}

	private static void update(String key, @Nullable String value) {
		if (Objects.equals(MDC.get(key), value)) {
			return;
		}
		if (value != null) {
			MDC.put(key, value);
		}
		else {
			MDC.remove(key);
		}
	}

	private static final class Written {

		private @Nullable AgentCorrelation correlation;

	}

}
