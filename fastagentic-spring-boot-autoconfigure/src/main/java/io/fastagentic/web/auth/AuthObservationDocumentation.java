package io.fastagentic.web.auth;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * The {@code auth.validate} observation made in front of an agent endpoint, a child of
 * the HTTP server span. A rejection is an outcome, not an error.
 *
 * @author FastAgentic
 */
public enum AuthObservationDocumentation implements ObservationDocumentation {

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

}
