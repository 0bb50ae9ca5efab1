package io.fastagentic.web;

import java.io.IOException;

import io.fastagentic.annotation.AgentEndpointInfo;
import io.fastagentic.observation.scope.InScopeObservations;
import io.fastagentic.web.auth.AuthenticationResult;
import io.fastagentic.web.policy.AgentPolicy;
import io.fastagentic.web.policy.DefaultPolicyObservationConvention;
import io.fastagentic.web.policy.PolicyDecision;
import io.fastagentic.web.policy.PolicyObservationContext;
import io.fastagentic.web.policy.PolicyObservationConvention;
import io.fastagentic.web.policy.PolicyObservationDocumentation;
import io.micrometer.observation.ObservationRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Asks the {@link AgentPolicy} whether an authenticated caller may use the agent
 * endpoint, inside a {@code policy.check} span, and answers 403 with the policy's reason
 * when it may not. Runs after {@link AuthValidateFilter}, on agent endpoints only.
 *
 * @author FastAgentic
 */
public class PolicyCheckFilter extends OncePerRequestFilter {

	private static final PolicyObservationConvention DEFAULT_CONVENTION = new DefaultPolicyObservationConvention();

	private final AgentPolicy policy;

	private final ObservationRegistry registry;

	private final @Nullable PolicyObservationConvention convention;

	/**
	 * Create the filter.
	 * @param policy decides on requests
	 * @param registry where observations are made
	 * @param convention a convention replacing the default, or {@code null}
	 */
	public PolicyCheckFilter(AgentPolicy policy, ObservationRegistry registry,
			@Nullable PolicyObservationConvention convention) {
		this.policy = policy;
		this.registry = registry;
		this.convention = convention;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		AgentEndpointInfo endpoint = (AgentEndpointInfo) request.getAttribute(AuthValidateFilter.ENDPOINT_ATTRIBUTE);
		AuthenticationResult caller = (AuthenticationResult) request.getAttribute(AuthValidateFilter.CALLER_ATTRIBUTE);
		if (endpoint == null || caller == null) {
			chain.doFilter(request, response);
			return;
		}
		PolicyObservationContext context = new PolicyObservationContext(this.policy.name(), caller, endpoint);
		PolicyDecision decision = InScopeObservations.observe(PolicyObservationDocumentation.POLICY_CHECK
			.observation(this.convention, DEFAULT_CONVENTION, () -> context, this.registry), () -> {
				PolicyDecision result = this.policy.check(caller, endpoint, request);
				context.setDecision(result);
				return result;
			});
		if (!decision.allowed()) {
			ProblemResponses.write(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden", decision.reason());
			return;
		}
		chain.doFilter(request, response);
	}

}
