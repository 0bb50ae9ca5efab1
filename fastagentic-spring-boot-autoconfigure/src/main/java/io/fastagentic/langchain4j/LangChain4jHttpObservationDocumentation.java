package io.fastagentic.langchain4j;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * The observation of a request that a LangChain4j model sends to its provider. Its name
 * and keys are those of Spring's HTTP client observations, so that its timer joins theirs
 * ({@code http.client.requests}) and its span reads like theirs ({@code http post}).
 *
 * @author FastAgentic
 */
public enum LangChain4jHttpObservationDocumentation implements ObservationDocumentation {

	/**
	 * One HTTP request to a model provider.
	 */
	HTTP_CLIENT {
		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultLangChain4jHttpObservationConvention.class;
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
		 * HTTP method of the request.
		 */
		METHOD("method"),

		/**
		 * Path of the request, without its query.
		 */
		URI("uri"),

		/**
		 * HTTP status of the response, {@code CLIENT_ERROR} when none came.
		 */
		STATUS("status"),

		/**
		 * Host the request was sent to.
		 */
		CLIENT_NAME("client.name"),

		/**
		 * Simple class name of the exception that failed the request, {@code none} when
		 * none did.
		 */
		EXCEPTION("exception"),

		/**
		 * Class of the response status: {@code SUCCESS}, {@code CLIENT_ERROR},
		 * {@code SERVER_ERROR}, ...; {@code UNKNOWN} when no response came.
		 */
		OUTCOME("outcome");

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
		 * URL of the request, without its query (which some providers use for the API
		 * key).
		 */
		HTTP_URL("http.url");

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
