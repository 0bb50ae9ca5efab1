package io.fastagentic.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * The path of a request within the application, parsed once per request: the first to
 * need it leaves it on the request, where Spring MVC looks for it too.
 *
 * @author FastAgentic
 */
final class RequestPaths {

	private RequestPaths() {
	}

	static PathContainer withinApplication(HttpServletRequest request) {
		return (ServletRequestPathUtils.hasParsedRequestPath(request)
				? ServletRequestPathUtils.getParsedRequestPath(request)
				: ServletRequestPathUtils.parseAndCache(request))
			.pathWithinApplication();
	}

}
