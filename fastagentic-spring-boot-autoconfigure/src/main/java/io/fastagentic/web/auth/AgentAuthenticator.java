package io.fastagentic.web.auth;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Decides who calls an agent endpoint; runs inside the {@code auth.validate} span.
 * Declare a bean to replace the default (API keys from {@code fastagentic.auth.api-keys},
 * Spring Security's outcome when it is present, anonymous otherwise).
 *
 * @author FastAgentic
 */
@FunctionalInterface
public interface AgentAuthenticator {

	/**
	 * Authenticate a request.
	 * @param request the request for an agent endpoint
	 * @return the outcome; a rejection answers 401
	 */
	AuthenticationResult authenticate(HttpServletRequest request);

}
