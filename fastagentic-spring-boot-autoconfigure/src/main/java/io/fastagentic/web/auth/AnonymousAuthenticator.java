package io.fastagentic.web.auth;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Lets every caller through as {@code anonymous}: the default when no API key is
 * configured and Spring Security is absent.
 *
 * @author FastAgentic
 */
public class AnonymousAuthenticator implements AgentAuthenticator {

	@Override
	public AuthenticationResult authenticate(HttpServletRequest request) {
		return AuthenticationResult.anonymous("none");
	}

}
