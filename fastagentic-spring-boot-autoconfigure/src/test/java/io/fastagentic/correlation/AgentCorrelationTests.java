package io.fastagentic.correlation;

import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AgentCorrelation}.
 */
class AgentCorrelationTests {

	@Test
	void runAndUserIdsAreCurrentUntilTheirScopesClose() {
		assertThat(AgentCorrelation.current()).isNull();
		try (Scope user = AgentCorrelation.openUser("alice")) {
			assertThat(AgentCorrelation.current().userId()).isEqualTo("alice");
			assertThat(AgentCorrelation.current().runId()).isNull();
			try (Scope run = AgentCorrelation.openRun("run-1")) {
				assertThat(AgentCorrelation.current().userId()).isEqualTo("alice");
				assertThat(AgentCorrelation.current().runId()).isEqualTo("run-1");
			}
			assertThat(AgentCorrelation.current().runId()).isNull();
		}
		assertThat(AgentCorrelation.current()).isNull();
	}

	@Test
	void travelsWithTheContextToAnotherThread() throws Exception {
		String[] seen = new String[2];
		try (Scope user = AgentCorrelation.openUser("alice"); Scope run = AgentCorrelation.openRun("run-1")) {
			Thread thread = new Thread(Context.current().wrap(() -> {
				seen[0] = AgentCorrelation.current().runId();
				seen[1] = AgentCorrelation.current().userId();
			}));
			thread.start();
			thread.join();
		}
		assertThat(seen).containsExactly("run-1", "alice");
	}

	@Test
	void baggageOfAnOutgoingRequestGetsTheIdsNextToTheApplicationsEntries() {
		Context context = Context.root().with(Baggage.builder().put("tenant", "acme").build());
		try (Scope withTenant = context.makeCurrent();
				Scope user = AgentCorrelation.openUser("alice");
				Scope run = AgentCorrelation.openRun("run-1")) {
			Baggage baggage = Baggage.fromContext(AgentCorrelation.withBaggage(Context.current()));
			assertThat(baggage.asMap()).containsOnlyKeys("tenant", "run_id", "user_id");
			assertThat(baggage.getEntryValue("run_id")).isEqualTo("run-1");
			assertThat(baggage.getEntryValue("user_id")).isEqualTo("alice");
		}
	}

	@Test
	void contextWithoutIdsKeepsItsBaggage() {
		Context context = Context.root().with(Baggage.builder().put("tenant", "acme").build());
		assertThat(AgentCorrelation.withBaggage(context)).isSameAs(context);
	}

}
