package io.fastagentic.testing;

import io.micrometer.tracing.otel.bridge.EventListener;
import io.micrometer.tracing.otel.bridge.EventPublishingContextWrapper.ScopeAttachedEvent;

/**
 * Counts the OpenTelemetry context attaches that Micrometer's context storage publishes
 * (a bean of an application with Spring Boot's OpenTelemetry tracing).
 */
public final class ScopeAttachCounter implements EventListener {

	private volatile int attached;

	@Override
	public void onEvent(Object event) {
		if (event instanceof ScopeAttachedEvent) {
			this.attached++;
		}
	}

	/**
	 * The attaches counted so far.
	 * @return how many
	 */
	public int attached() {
		return this.attached;
	}

	/**
	 * Count from zero again.
	 */
	public void reset() {
		this.attached = 0;
	}

}
