package io.fastagentic.web;

import java.util.List;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationPredicate;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.server.PathContainer;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Keeps requests for excluded paths (actuator and health probes by default) out of
 * tracing: neither their server observation nor anything observed while serving them (a
 * health check's database query, say) becomes a span.
 *
 * @author FastAgentic
 */
public class ExcludedPathsObservationPredicate implements ObservationPredicate {

	private static final String EXCLUDED_ATTRIBUTE = ExcludedPathsObservationPredicate.class.getName() + ".excluded";

	private final List<PathPattern> patterns;

	/**
	 * Create a predicate.
	 * @param patterns path patterns, as in {@code @RequestMapping}, relative to the
	 * context path
	 */
	public ExcludedPathsObservationPredicate(List<String> patterns) {
		this.patterns = patterns.stream().map(PathPatternParser.defaultInstance::parse).toList();
	}

	@Override
	public boolean test(String name, Observation.Context context) {
		if (context instanceof ServerRequestObservationContext serverContext) {
			HttpServletRequest request = serverContext.getCarrier();
			if (isExcluded(request)) {
				request.setAttribute(EXCLUDED_ATTRIBUTE, Boolean.TRUE);
				return false;
			}
			return true;
		}
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		return attributes == null
				|| attributes.getAttribute(EXCLUDED_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) == null;
	}

	private boolean isExcluded(HttpServletRequest request) {
		if (this.patterns.isEmpty()) {
			return false;
		}
		PathContainer container = RequestPaths.withinApplication(request);
		for (PathPattern pattern : this.patterns) {
			if (pattern.matches(container)) {
				return true;
			}
		}
		return false;
	}

}
