package io.fastagentic.web.auth;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Reports what Spring Security decided: its filter chain runs before this one, so the
 * security context already holds the caller. Spring Security itself turns away the
 * requests it rejects; this authenticator never rejects.
 *
 * @author FastAgentic
 */
public class SpringSecurityAuthenticator implements AgentAuthenticator {

	static final String METHOD = "spring_security";

	@Override
	public AuthenticationResult authenticate(HttpServletRequest request) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()
				|| authentication instanceof AnonymousAuthenticationToken) {
			return AuthenticationResult.anonymous(METHOD);
		}
		return AuthenticationResult.authenticated(authentication.getName(), METHOD);
	}

}
