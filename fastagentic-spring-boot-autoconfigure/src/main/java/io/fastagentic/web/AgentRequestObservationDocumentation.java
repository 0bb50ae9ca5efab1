package io.fastagentic.web;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * Observations made in front of an agent endpoint: {@code auth.validate} and
 * {@code policy.check}, both children of the HTTP server span. A rejection or a denial is
 * an outcome, not an error.
 *
 * @author FastAgentic
 */
public enum AgentRequestObservationDocumentation implements ObservationDocumentation {

	/**
	 * Authentication of the caller.
	 */
	AUTH_VALIDATE {
		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultAuthObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return AuthKeyNames.values();
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return new KeyName[] { UserKeyNames.USER_ID };
		}
	},

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
	 * Low-cardinality keys of {@code auth.validate}.
	 */
	public enum AuthKeyNames implements KeyName {

		/**
		 * How the caller was authenticated: {@code api_key}, {@code spring_security},
		 * {@code none}, or the custom authenticator's method.
		 */
		AUTH_METHOD("auth.method"),

		/**
		 * {@code authenticated}, {@code anonymous} or {@code rejected}.
		 */
		AUTH_RESULT("auth.result");

		private final String key;

		AuthKeyNames(String key) {
			this.key = key;
		}

		@Override
		public String asString() {
			return this.key;
		}

	}

	/**
	 * High-cardinality keys of {@code auth.validate}.
	 */
	public enum UserKeyNames implements KeyName {

		/**
		 * The authenticated user, or {@code anonymous}; never a credential.
		 */
		USER_ID("user_id");

		private final String key;

		UserKeyNames(String key) {
			this.key = key;
		}

		@Override
		public String asString() {
			return this.key;
		}

	}

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
