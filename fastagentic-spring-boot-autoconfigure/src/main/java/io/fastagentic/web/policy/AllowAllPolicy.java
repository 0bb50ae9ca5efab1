package io.fastagentic.web.policy;

import io.fastagentic.annotation.AgentEndpointInfo;
import io.fastagentic.web.auth.AuthenticationResult;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Allows every request: the default policy.
 *
 * @author FastAgentic
 */
public class AllowAllPolicy implements AgentPolicy {

	private static final PolicyDecision ALLOW = PolicyDecision.allow("no policy restricts agent endpoints");

	@Override
	public String name() {
		return "allow-all";
	}

	@Override
	public PolicyDecision check(AuthenticationResult caller, AgentEndpointInfo endpoint, HttpServletRequest request) {
		return ALLOW;
	}

}
