package io.fastagentic.web.policy;

import io.fastagentic.annotation.AgentEndpointInfo;
import io.fastagentic.web.auth.AuthenticationResult;
import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * Context of a {@code policy.check} observation.
 *
 * @author FastAgentic
 */
public class PolicyObservationContext extends Observation.Context {

	private final String policyName;

	private final AuthenticationResult caller;

	private final AgentEndpointInfo endpoint;

	private @Nullable PolicyDecision decision;

	/**
	 * Create a context.
	 * @param policyName the policy deciding
	 * @param caller who calls
	 * @param endpoint the endpoint called
	 */
	public PolicyObservationContext(String policyName, AuthenticationResult caller, AgentEndpointInfo endpoint) {
		this.policyName = policyName;
		this.caller = caller;
		this.endpoint = endpoint;
	}

	/**
	 * The policy deciding.
	 * @return its name
	 */
	public String getPolicyName() {
		return this.policyName;
	}

	/**
	 * Who calls.
	 * @return the authentication outcome
	 */
	public AuthenticationResult getCaller() {
		return this.caller;
	}

	/**
	 * The endpoint called.
	 * @return the endpoint
	 */
	public AgentEndpointInfo getEndpoint() {
		return this.endpoint;
	}

	/**
	 * The decision, once made.
	 * @return the decision or {@code null}
	 */
	public @Nullable PolicyDecision getDecision() {
		return this.decision;
	}

	/**
	 * Record what the policy decided; the filter does so before the observation stops.
	 * @param decision the decision
	 */
	public void setDecision(PolicyDecision decision) {
		this.decision = decision;
	}

}
