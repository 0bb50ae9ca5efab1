package io.fastagentic.benchmarks.peer;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code policy.check} as a plain servlet filter, after {@link PlainAuthFilter}.
 */
public class PlainPolicyFilter extends OncePerRequestFilter {

	private final PlainObservations observations;

	/**
	 * Create the filter.
	 * @param observations makes the span
	 */
	public PlainPolicyFilter(PlainObservations observations) {
		this.observations = observations;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getAttribute(PlainAuthFilter.USER_ID_ATTRIBUTE) == null) {
			chain.doFilter(request, response);
			return;
		}
		if (!this.observations.policyCheck()) {
			response.sendError(HttpServletResponse.SC_FORBIDDEN);
			return;
		}
		chain.doFilter(request, response);
	}

}
