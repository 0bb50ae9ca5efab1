package io.fastagentic.observation.tool;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * The {@code tool.call} observation: one execution of an agent tool.
 *
 * @author FastAgentic
 */
public enum ToolCallObservationDocumentation implements ObservationDocumentation {

	/**
	 * One execution of an agent tool.
	 */
	TOOL_CALL {
		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultToolCallObservationConvention.class;
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
		 * Name of the tool.
		 */
		TOOL("tool"),

		/**
		 * OpenTelemetry GenAI operation, {@code execute_tool}.
		 */
		GEN_AI_OPERATION_NAME("gen_ai.operation.name"),

		/**
		 * OpenTelemetry GenAI tool name.
		 */
		GEN_AI_TOOL_NAME("gen_ai.tool.name");

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
		 * How long the tool ran, in milliseconds: the span's own duration, written by the
		 * tracing handler when the span ends (an integer on spans).
		 */
		DURATION_MS("duration_ms"),

		/**
		 * OpenTelemetry GenAI id of the model's tool call, when the model asked for it.
		 */
		GEN_AI_TOOL_CALL_ID("gen_ai.tool.call.id"),

		/**
		 * Class of the exception that failed the call.
		 */
		ERROR_TYPE("error.type");

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
