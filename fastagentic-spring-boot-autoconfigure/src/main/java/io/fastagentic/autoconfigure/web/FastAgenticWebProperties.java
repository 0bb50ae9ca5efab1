package io.fastagentic.autoconfigure.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the HTTP side of agent requests.
 *
 * @author FastAgentic
 */
@ConfigurationProperties("fastagentic")
public class FastAgenticWebProperties {

	private final Web web = new Web();

	private final Auth auth = new Auth();

	public Web getWeb() {
		return this.web;
	}

	public Auth getAuth() {
		return this.auth;
	}

	/**
	 * Request tracing settings.
	 */
	public static class Web {

		/**
		 * Path patterns whose requests are not traced, relative to the context path.
		 * Actuator (health probes included) by default.
		 */
		private List<String> excludePaths = new ArrayList<>(List.of("/actuator/**"));

		public List<String> getExcludePaths() {
			return this.excludePaths;
		}

		public void setExcludePaths(List<String> excludePaths) {
			this.excludePaths = excludePaths;
		}

	}

	/**
	 * Authentication of agent endpoints.
	 */
	public static class Auth {

		/**
		 * API keys, each as '<user-id>:<key>' (for example
		 * FASTAGENTIC_AUTH_API_KEYS=alice:sk-alice-1,bob:sk-bob-2). When set, agent
		 * endpoints require 'Authorization: Bearer <key>' or 'X-API-Key: <key>'; when
		 * empty, callers are anonymous.
		 */
		private List<String> apiKeys = new ArrayList<>();

		public List<String> getApiKeys() {
			return this.apiKeys;
		}

		public void setApiKeys(List<String> apiKeys) {
			this.apiKeys = apiKeys;
		}

	}

}
