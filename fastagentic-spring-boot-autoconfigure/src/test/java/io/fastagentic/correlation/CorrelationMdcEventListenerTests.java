package io.fastagentic.correlation;

import io.micrometer.tracing.otel.bridge.EventPublishingContextWrapper.ScopeAttachedEvent;
import io.micrometer.tracing.otel.bridge.EventPublishingContextWrapper.ScopeClosedEvent;
import io.micrometer.tracing.otel.bridge.EventPublishingContextWrapper.ScopeRestoredEvent;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CorrelationMdcEventListener}, given the events Micrometer's context
 * storage publishes once the context they name is current.
 */
class CorrelationMdcEventListenerTests {

	private final CorrelationMdcEventListener listener = new CorrelationMdcEventListener(false);

	@AfterEach
	void clearMdc() {
		MDC.clear();
	}

	@Test
	void idsOfTheAttachedContextGoIntoTheMdcAndLeaveWhenItsScopeCloses() {
		try (Scope user = AgentCorrelation.openUser("alice")) {
			this.listener.onEvent(new ScopeAttachedEvent(Context.current()));
			assertThat(MDC.get("user_id")).isEqualTo("alice");
			assertThat(MDC.get("run_id")).isNull();
			try (Scope run = AgentCorrelation.openRun("run-1")) {
				this.listener.onEvent(new ScopeAttachedEvent(Context.current()));
				assertThat(MDC.get("run_id")).isEqualTo("run-1");
				assertThat(MDC.get("user_id")).isEqualTo("alice");
			}
			this.listener.onEvent(new ScopeClosedEvent());
			this.listener.onEvent(new ScopeRestoredEvent(Context.current()));
			assertThat(MDC.get("run_id")).isNull();
			assertThat(MDC.get("user_id")).isEqualTo("alice");
		}
		this.listener.onEvent(new ScopeRestoredEvent(Context.current()));
		assertThat(MDC.getCopyOfContextMap()).doesNotContainKeys("run_id", "user_id");
	}

	@Test
	void putsTheIdsBackWhenAnotherListenerSharesTheMdcKeys() {
		CorrelationMdcEventListener shared = new CorrelationMdcEventListener(true);
		try (Scope run = AgentCorrelation.openRun("run-1")) {
			shared.onEvent(new ScopeAttachedEvent(Context.current()));
			// Spring Boot's baggage correlation listener, naming run_id, at a scope close
			MDC.remove("run_id");
			shared.onEvent(new ScopeRestoredEvent(Context.current()));
			assertThat(MDC.get("run_id")).isEqualTo("run-1");
		}
	}

	@Test
	void leavesTheApplicationsMdcEntriesAlone() {
		MDC.put("tenant", "acme");
		try (Scope user = AgentCorrelation.openUser("alice")) {
			this.listener.onEvent(new ScopeAttachedEvent(Context.current()));
		}
		this.listener.onEvent(new ScopeRestoredEvent(Context.current()));
		assertThat(MDC.getCopyOfContextMap()).containsOnlyKeys("tenant");
	}

}
