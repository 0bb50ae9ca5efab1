package io.fastagentic.testing;

import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.tracing.otel.bridge.EventListener;
import io.micrometer.tracing.otel.bridge.EventPublishingContextWrapper.ScopeAttachedEvent;

/**
 * Counts the OpenTelemetry context attaches that Micrometer's context storage publishes
 * (a bean of an application with Spring Boot's OpenTelemetry tracing).
 */
public final class ScopeAttachCounter implements EventListener {

	private final AtomicInteger attached = new AtomicInteger();

	@Override
	public void onEvent(Object event) {
		if (event instanceof ScopeAttachedEvent) {
			this.attached.incrementAndGet();
		}
	}

	/**
	 * The attaches counted so far.
	 * @return how many
	 */
	public int attached() {
		return this.attached.get();
	}

	/**
	 * Count from zero again.
	 */
	public void reset() {
		this.attached.set(0);
	}

}
