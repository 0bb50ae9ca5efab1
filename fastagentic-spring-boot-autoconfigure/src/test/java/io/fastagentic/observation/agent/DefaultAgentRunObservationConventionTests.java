package io.fastagentic.observation.agent;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import io.fastagentic.annotation.AgentEndpointInfo;
import io.fastagentic.observation.llm.LlmCallDetails;
import io.fastagentic.observation.llm.LlmMessage;
import io.micrometer.common.KeyValue;
import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;
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
		assertThat(names(AgentRunObservationDocumentation.AGENT_RUN.getHighCardinalityKeyNames())).containsExactly(
				"run_id", "user_id", "tokens.prompt", "tokens.completion", "cost", "gen_ai.usage.input_tokens",
				"gen_ai.usage.output_tokens", "llm.calls", "client.aborted");
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
	void llmCallsOfTheRunAddUpAndNameTheAdapterAndModelTheEndpointLeftOpen() {
		AgentRunObservationContext run = new AgentRunObservationContext(
				new AgentEndpointInfo("chat", "/chat", AgentEndpointInfo.NONE, AgentEndpointInfo.NONE), "run-2", "bob");
		run.addLlmCall(llmCall("spring-ai", "gpt-4o", 50, 10, "0.0002"));
		run.addLlmCall(llmCall("spring-ai", "gpt-4o", 80, 20, "0.0004"));
		DefaultAgentRunObservationConvention convention = new DefaultAgentRunObservationConvention();
		assertThat(convention.getLowCardinalityKeyValues(run)).contains(KeyValue.of("adapter", "spring-ai"),
				KeyValue.of("model", "gpt-4o"));
		assertThat(convention.getHighCardinalityKeyValues(run)).contains(KeyValue.of("llm.calls", "2"),
				KeyValue.of("tokens.prompt", "130"), KeyValue.of("tokens.completion", "30"),
				KeyValue.of("gen_ai.usage.input_tokens", "130"), KeyValue.of("gen_ai.usage.output_tokens", "30"),
				KeyValue.of("cost", "0.0006"));
	}

	private static LlmCallDetails llmCall(String adapter, String model, long prompt, long completion, String cost) {
		return new LlmCallDetails() {

			@Override
			public String getAdapter() {
				return adapter;
			}

			@Override
			public String getProvider() {
				return "openai";
			}

			@Override
			public String getRequestModel() {
				return model;
			}

			@Override
			public @Nullable String getResponseModel() {
				return null;
			}

			@Override
			public Long getPromptTokens() {
				return prompt;
			}

			@Override
			public Long getCompletionTokens() {
				return completion;
			}

			@Override
			public long getCachedPromptTokens() {
				return 0;
			}

			@Override
			public BigDecimal getCost() {
				return new BigDecimal(cost);
			}

			@Override
			public @Nullable String getResponseId() {
				return null;
			}

			@Override
			public List<String> getFinishReasons() {
				return List.of();
			}

			@Override
			public @Nullable String getConversationId() {
				return null;
			}

			@Override
			public List<LlmMessage> getInputMessages() {
				return List.of();
			}

			@Override
			public List<LlmMessage> getOutputMessages() {
				return List.of();
			}

			@Override
			public @Nullable Throwable getError() {
				return null;
			}

		};
	}

	@Test
	void conventionKeysAreTheDocumentedOnes() {
		DefaultAgentRunObservationConvention convention = new DefaultAgentRunObservationConvention();
		this.context.addLlmCall(llmCall("spring-ai", "gpt-4o", 1, 1, "0.1"));
		this.context.setClientAborted(true);
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
