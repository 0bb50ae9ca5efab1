package io.fastagentic.observation.stream;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * The {@code stream.emit} observation: the events of one type on one streamed response.
 *
 * @author FastAgentic
 */
public enum StreamEmitObservationDocumentation implements ObservationDocumentation {

	/**
	 * The events of one type sent on one stream, from the first to the end of the stream.
	 */
	STREAM_EMIT {
		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultStreamEmitObservationConvention.class;
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
		 * Type of the events, for example {@code token}.
		 */
		EVENT_TYPE("event_type");

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
		 * The agent run the stream belongs to.
		 */
		RUN_ID("run_id"),

		/**
		 * How many events of this type were sent.
		 */
		COUNT("count");

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
