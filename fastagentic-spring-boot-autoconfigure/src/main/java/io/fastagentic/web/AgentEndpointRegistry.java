package io.fastagentic.web;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.fastagentic.annotation.AgentEndpoint;
import io.fastagentic.annotation.AgentEndpointInfo;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.server.PathContainer;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The routes of the {@link AgentEndpoint} methods, read from Spring MVC's handler
 * mappings once every singleton of the context exists, which is before the web server
 * accepts a request, so that the request filters act on agent endpoints only. Until then
 * the routes are unknown, and {@link #isReady()} says so: the filters fail closed.
 *
 * @author FastAgentic
 */
public class AgentEndpointRegistry implements SmartInitializingSingleton, ApplicationContextAware {

	private volatile @Nullable List<Route> routes;

	private @Nullable ApplicationContext applicationContext;

	@Override
	public void setApplicationContext(ApplicationContext applicationContext) {
		this.applicationContext = applicationContext;
	}

	@Override
	public void afterSingletonsInstantiated() {
		ApplicationContext context = this.applicationContext;
		if (context == null) {
			this.routes = List.of();
			return;
		}
		List<Route> found = new ArrayList<>();
		for (RequestMappingHandlerMapping mapping : context.getBeansOfType(RequestMappingHandlerMapping.class)
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

	/**
	 * Whether the routes are known.
	 * @return {@code false} until the context's singletons all exist
	 */
	public boolean isReady() {
		return this.routes != null;
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
		if (current == null || current.isEmpty()) {
			return null;
		}
		PathContainer path = RequestPaths.withinApplication(request);
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
		List<Route> current = this.routes;
		return (current != null) ? current.stream().map(Route::endpoint).toList() : List.of();
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
