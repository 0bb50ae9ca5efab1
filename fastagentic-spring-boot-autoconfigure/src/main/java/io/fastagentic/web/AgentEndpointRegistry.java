package io.fastagentic.web;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.fastagentic.annotation.AgentEndpoint;
import io.fastagentic.annotation.AgentEndpointInfo;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.server.PathContainer;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The routes of the {@link AgentEndpoint} methods, read from Spring MVC's handler
 * mappings once the context is refreshed, so that the request filters act on agent
 * endpoints only.
 *
 * @author FastAgentic
 */
public class AgentEndpointRegistry implements ApplicationListener<ContextRefreshedEvent>, ApplicationContextAware {

	private volatile List<Route> routes = List.of();

	private @Nullable ApplicationContext applicationContext;

	@Override
	public void setApplicationContext(ApplicationContext applicationContext) {
		this.applicationContext = applicationContext;
	}

	@Override
	public void onApplicationEvent(ContextRefreshedEvent event) {
		// A child context's refresh reaches its parent's listeners too; only this
		// registry's own context holds the mappings it guards.
		if (event.getApplicationContext() != this.applicationContext) {
			return;
		}
		List<Route> found = new ArrayList<>();
		for (RequestMappingHandlerMapping mapping : event.getApplicationContext()
			.getBeansOfType(RequestMappingHandlerMapping.class)
			.values()) {
			mapping.getHandlerMethods().forEach((info, handlerMethod) -> {
				Method method = handlerMethod.getMethod();
				if (AnnotatedElementUtils.hasAnnotation(method, AgentEndpoint.class)) {
					found.addAll(routes(info, AgentEndpointInfo.of(method)));
				}
			});
		}
		this.routes = List.copyOf(found);
	}

	private static List<Route> routes(RequestMappingInfo info, AgentEndpointInfo endpoint) {
		Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
		return info.getPatternValues()
			.stream()
			.map((pattern) -> new Route(PathPatternParser.defaultInstance.parse(pattern), methods, endpoint))
			.toList();
	}

	/**
	 * The agent endpoint a request is for.
	 * @param request the request
	 * @return the endpoint's route, or {@code null} when the request is for another route
	 */
	public @Nullable Route match(HttpServletRequest request) {
		List<Route> current = this.routes;
		if (current.isEmpty()) {
			return null;
		}
		PathContainer path = ServletRequestPathUtils.parseAndCache(request).pathWithinApplication();
		for (Route route : current) {
			if (route.matches(request.getMethod(), path)) {
				return route;
			}
		}
		return null;
	}

	/**
	 * The endpoints found.
	 * @return every agent endpoint, one entry per route
	 */
	public List<AgentEndpointInfo> endpoints() {
		return this.routes.stream().map(Route::endpoint).toList();
	}

	/**
	 * One route of an agent endpoint.
	 *
	 * @param pattern the route's path pattern
	 * @param methods the HTTP methods it accepts (all when empty)
	 * @param endpoint the endpoint it leads to
	 */
	public record Route(PathPattern pattern, Set<RequestMethod> methods, AgentEndpointInfo endpoint) {

		boolean matches(String method, PathContainer path) {
			return (this.methods.isEmpty() || this.methods.contains(RequestMethod.resolve(method)))
					&& this.pattern.matches(path);
		}

	}

}
