package io.fastagentic.web.policy;

import io.fastagentic.annotation.AgentEndpointInfo;
import io.fastagentic.web.auth.AuthenticationResult;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Decides whether an authenticated caller may use an agent endpoint; runs inside the
 * {@code policy.check} span. Declare a bean to replace the default, which allows all.
 *
 * @author FastAgentic
 */
public interface AgentPolicy {

	/**
	 * The policy's name, recorded as {@code policy.name}.
	 * @return the name
	 */
	String name();

	/**
	 * Decide on a request.
	 * @param caller who calls
	 * @param endpoint the endpoint called
	 * @param request the request
	 * @return the decision; a denial answers 403 with its reason
	 */
	PolicyDecision check(AuthenticationResult caller, AgentEndpointInfo endpoint, HttpServletRequest request);

}
