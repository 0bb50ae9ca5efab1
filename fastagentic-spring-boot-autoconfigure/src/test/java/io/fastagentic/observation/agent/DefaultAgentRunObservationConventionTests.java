package io.fastagentic.observation.agent;

import java.util.Arrays;
import java.util.List;

import io.fastagentic.annotation.AgentEndpointInfo;
import io.micrometer.common.KeyValue;
import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DefaultAgentRunObservationConvention} and
 * {@link AgentRunObservationDocumentation}: the documented names and keys of
 * {@code agent.run}.
 */
class DefaultAgentRunObservationConventionTests {

	private final AgentRunObservationContext context = new AgentRunObservationContext(
			new AgentEndpointInfo("support", "/support", "langchain4j", "gpt-4"), "run-1", "alice");

	@Test
	void documentationPinsTheLowCardinalityKeyNames() {
		assertThat(names(AgentRunObservationDocumentation.AGENT_RUN.getLowCardinalityKeyNames()))
			.containsExactly("endpoint", "adapter", "model", "gen_ai.operation.name", "gen_ai.agent.name");
	}

	@Test
	void documentationPinsTheHighCardinalityKeyNames() {
		assertThat(names(AgentRunObservationDocumentation.AGENT_RUN.getHighCardinalityKeyNames()))
			.containsExactly("run_id", "user_id");
	}

	@Test
	void documentationPointsAtTheDefaultConvention() {
		assertThat(AgentRunObservationDocumentation.AGENT_RUN.getDefaultConvention())
			.isEqualTo(DefaultAgentRunObservationConvention.class);
	}

	@Test
	void metricIsAgentRunAndSpanIsNamedAfterTheEndpoint() {
		DefaultAgentRunObservationConvention convention = new DefaultAgentRunObservationConvention();
		assertThat(convention.getName()).isEqualTo("agent.run");
		assertThat(convention.getContextualName(this.context)).isEqualTo("agent.run support");
	}

	@Test
	void lowCardinalityValuesDescribeTheEndpoint() {
		assertThat(new DefaultAgentRunObservationConvention().getLowCardinalityKeyValues(this.context))
			.containsExactlyInAnyOrder(KeyValue.of("endpoint", "support"), KeyValue.of("adapter", "langchain4j"),
					KeyValue.of("model", "gpt-4"), KeyValue.of("gen_ai.operation.name", "invoke_agent"),
					KeyValue.of("gen_ai.agent.name", "support"));
	}

	@Test
	void highCardinalityValuesIdentifyTheRunAndTheCaller() {
		assertThat(new DefaultAgentRunObservationConvention().getHighCardinalityKeyValues(this.context))
			.containsExactlyInAnyOrder(KeyValue.of("run_id", "run-1"), KeyValue.of("user_id", "alice"));
	}

	@Test
	void conventionKeysAreTheDocumentedOnes() {
		DefaultAgentRunObservationConvention convention = new DefaultAgentRunObservationConvention();
		assertThat(convention.getLowCardinalityKeyValues(this.context).stream().map(KeyValue::getKey))
			.containsExactlyInAnyOrderElementsOf(
					names(AgentRunObservationDocumentation.AGENT_RUN.getLowCardinalityKeyNames()));
		assertThat(convention.getHighCardinalityKeyValues(this.context).stream().map(KeyValue::getKey))
			.containsExactlyInAnyOrderElementsOf(
					names(AgentRunObservationDocumentation.AGENT_RUN.getHighCardinalityKeyNames()));
	}

	@Test
	void subclassOverridingModelChangesOnlyThatKey() {
		DefaultAgentRunObservationConvention convention = new DefaultAgentRunObservationConvention() {

			@Override
			protected KeyValue model(AgentRunObservationContext context) {
				return KeyValue.of("model", "gpt-4-0613");
			}

		};
		assertThat(convention.getLowCardinalityKeyValues(this.context)).containsExactlyInAnyOrder(
				KeyValue.of("endpoint", "support"), KeyValue.of("adapter", "langchain4j"),
				KeyValue.of("model", "gpt-4-0613"), KeyValue.of("gen_ai.operation.name", "invoke_agent"),
				KeyValue.of("gen_ai.agent.name", "support"));
		assertThat(convention.getHighCardinalityKeyValues(this.context))
			.containsExactlyInAnyOrder(KeyValue.of("run_id", "run-1"), KeyValue.of("user_id", "alice"));
		assertThat(convention.getContextualName(this.context)).isEqualTo("agent.run support");
	}

	@Test
	void supportsAgentRunContextsOnly() {
		DefaultAgentRunObservationConvention convention = new DefaultAgentRunObservationConvention();
		assertThat(convention.supportsContext(this.context)).isTrue();
		assertThat(convention.supportsContext(new Observation.Context())).isFalse();
	}

	private static List<String> names(KeyName[] keyNames) {
		return Arrays.stream(keyNames).map(KeyName::asString).toList();
	}

}
