package io.fastagentic.observation.agent;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * The {@code agent.run} observation: one call of an agent endpoint.
 *
 * @author FastAgentic
 */
public enum AgentRunObservationDocumentation implements ObservationDocumentation {

	/**
	 * One run of an agent endpoint, from the call to the end of its result (the last
	 * streamed event for streaming endpoints).
	 */
	AGENT_RUN {
		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultAgentRunObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return LowCardinalityKeyNames.values();
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return HighCardinalityKeyNames.values();
		}
	};

	/**
	 * Keys recorded on spans and metrics.
	 */
	public enum LowCardinalityKeyNames implements KeyName {

		/**
		 * Name of the agent endpoint.
		 */
		ENDPOINT("endpoint"),

		/**
		 * Agent framework behind the endpoint: the endpoint's {@code adapter}, else the
		 * framework of the run's first LLM call ({@code spring-ai}, {@code langchain4j}),
		 * or {@code none}.
		 */
		ADAPTER("adapter"),

		/**
		 * Model the agent uses: the endpoint's {@code model}, else the model of the run's
		 * first LLM call, or {@code none}.
		 */
		MODEL("model"),

		/**
		 * OpenTelemetry GenAI operation name, always {@code invoke_agent}.
		 */
		GEN_AI_OPERATION_NAME("gen_ai.operation.name"),

		/**
		 * OpenTelemetry GenAI agent name: the endpoint name.
		 */
		GEN_AI_AGENT_NAME("gen_ai.agent.name");

		private final String key;

		LowCardinalityKeyNames(String key) {
			this.key = key;
		}

		@Override
		public String asString() {
			return this.key;
		}

	}

	/**
	 * Keys recorded on spans only.
	 */
	public enum HighCardinalityKeyNames implements KeyName {

		/**
		 * Id of this run, {@code run-} followed by a random UUID.
		 */
		RUN_ID("run_id"),

		/**
		 * Id of the authenticated user, or {@code anonymous}.
		 */
		USER_ID("user_id"),

		/**
		 * Input tokens of all the run's LLM calls, once it made one.
		 */
		TOKENS_PROMPT("tokens.prompt"),

		/**
		 * Output tokens of all the run's LLM calls, once it made one.
		 */
		TOKENS_COMPLETION("tokens.completion"),

		/**
		 * Cost in USD of all the run's priced LLM calls.
		 */
		COST("cost"),

		/**
		 * OpenTelemetry GenAI input tokens of the run.
		 */
		GEN_AI_USAGE_INPUT_TOKENS("gen_ai.usage.input_tokens"),

		/**
		 * OpenTelemetry GenAI output tokens of the run.
		 */
		GEN_AI_USAGE_OUTPUT_TOKENS("gen_ai.usage.output_tokens"),

		/**
		 * How many LLM calls the run made.
		 */
		LLM_CALLS("llm.calls"),

		/**
		 * {@code true} when the client hung up before the answer was sent; such a run is
		 * not an error.
		 */
		CLIENT_ABORTED("client.aborted");

		private final String key;

		HighCardinalityKeyNames(String key) {
			this.key = key;
		}

		@Override
		public String asString() {
			return this.key;
		}

	}

}
