package io.fastagentic.web.policy;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * The {@code policy.check} observation made in front of an agent endpoint, a child of the
 * HTTP server span. A denial is an outcome, not an error.
 *
 * @author FastAgentic
 */
public enum PolicyObservationDocumentation implements ObservationDocumentation {

	/**
	 * Authorization of the caller for the endpoint.
	 */
	POLICY_CHECK {
		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultPolicyObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return PolicyKeyNames.values();
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return new KeyName[] { PolicyReasonKeyNames.POLICY_REASON };
		}
	};

	/**
	 * Low-cardinality keys of {@code policy.check}.
	 */
	public enum PolicyKeyNames implements KeyName {

		/**
		 * Name of the policy.
		 */
		POLICY_NAME("policy.name"),

		/**
		 * {@code allow} or {@code deny}.
		 */
		POLICY_DECISION("policy.decision");

		private final String key;

		PolicyKeyNames(String key) {
			this.key = key;
		}

		@Override
		public String asString() {
			return this.key;
		}

	}

	/**
	 * High-cardinality keys of {@code policy.check}.
	 */
	public enum PolicyReasonKeyNames implements KeyName {

		/**
		 * The reason the policy gave.
		 */
		POLICY_REASON("policy.reason");

		private final String key;

		PolicyReasonKeyNames(String key) {
			this.key = key;
		}

		@Override
		public String asString() {
			return this.key;
		}

	}

}
