package io.fastagentic.web.auth;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of authenticating a request: who the caller is, or why it was rejected.
 *
 * @param outcome authenticated, anonymous or rejected
 * @param userId the user id (never a credential), {@code anonymous} when unauthenticated
 * @param method how the caller was authenticated, for example {@code api_key}
 * @param challenge the {@code WWW-Authenticate} value sent with a rejection
 * @param reason why a request was rejected
 * @author FastAgentic
 */
public record AuthenticationResult(Outcome outcome, String userId, String method, @Nullable String challenge,
		@Nullable String reason) {

	/**
	 * User id of callers that are not authenticated.
	 */
	public static final String ANONYMOUS_USER = "anonymous";

	/**
	 * A caller known by a credential.
	 * @param userId the user id
	 * @param method how the caller was authenticated
	 * @return the result
	 */
	public static AuthenticationResult authenticated(String userId, String method) {
		return new AuthenticationResult(Outcome.AUTHENTICATED, userId, method, null, null);
	}

	/**
	 * A caller without credentials, let through.
	 * @param method the authentication method that found no credentials
	 * @return the result
	 */
	public static AuthenticationResult anonymous(String method) {
		return new AuthenticationResult(Outcome.ANONYMOUS, ANONYMOUS_USER, method, null, null);
	}

	/**
	 * A caller turned away with 401.
	 * @param method the authentication method
	 * @param challenge the {@code WWW-Authenticate} header value
	 * @param reason why, shown to the caller
	 * @return the result
	 */
	public static AuthenticationResult rejected(String method, String challenge, String reason) {
		return new AuthenticationResult(Outcome.REJECTED, ANONYMOUS_USER, method, challenge, reason);
	}

	/**
	 * Whether the request may go on.
	 * @return {@code false} for a rejection
	 */
	public boolean isAllowed() {
		return this.outcome != Outcome.REJECTED;
	}

	/**
	 * Outcomes, recorded as {@code auth.result}.
	 */
	public enum Outcome {

		/**
		 * The caller presented valid credentials.
		 */
		AUTHENTICATED,

		/**
		 * The caller presented none, and none are required.
		 */
		ANONYMOUS,

		/**
		 * The caller's credentials are missing or wrong.
		 */
		REJECTED;

		/**
		 * The value recorded as {@code auth.result}.
		 * @return the lower-case name
		 */
		public String value() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

}
