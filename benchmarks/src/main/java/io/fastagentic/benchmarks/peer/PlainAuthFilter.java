package io.fastagentic.benchmarks.peer;

import java.io.IOException;

import io.fastagentic.benchmarks.support.Workload;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.ServerHttpObservationFilter;

/**
 * {@code auth.validate} as a plain servlet filter on the agent route.
 */
public class PlainAuthFilter extends OncePerRequestFilter {

	/**
	 * Request attribute holding the user id.
	 */
	public static final String USER_ID_ATTRIBUTE = PlainAuthFilter.class.getName() + ".userId";

	private final PlainObservations observations;

	/**
	 * Create the filter.
	 * @param observations makes the span
	 */
	public PlainAuthFilter(PlainObservations observations) {
		this.observations = observations;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!"POST".equals(request.getMethod()) || !Workload.ROUTE.equals(request.getRequestURI())) {
			chain.doFilter(request, response);
			return;
		}
		ServerHttpObservationFilter.findObservationContext(request)
			.ifPresent((context) -> context.setPathPattern(Workload.ROUTE));
		request.setAttribute(USER_ID_ATTRIBUTE, this.observations.authValidate());
		chain.doFilter(request, response);
	}

}
