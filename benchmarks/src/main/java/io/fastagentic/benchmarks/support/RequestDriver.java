package io.fastagentic.benchmarks.support;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import jakarta.servlet.Filter;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.AbstractFilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.boot.web.servlet.ServletContextInitializerBeans;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.filter.ServerHttpObservationFilter;

/**
 * Sends mock requests through the servlet filters of an application context, in the order
 * the servlet container would apply them (Spring's character encoding, form content,
 * request context and HTTP observation filters, and whatever else is registered), to a
 * handler that stands for the dispatcher servlet and the controller.
 */
public final class RequestDriver {

	private final ServletContext servletContext;

	private final Filter[] filters;

	private final Servlet terminal;

	private final String path;

	private RequestDriver(ServletContext servletContext, Filter[] filters, Servlet terminal, String path) {
		this.servletContext = servletContext;
		this.filters = filters;
		this.terminal = terminal;
		this.path = path;
	}

	/**
	 * Build a driver.
	 * @param context the application context whose filters to apply
	 * @param include which of its filters to apply
	 * @param route the route template the handler matched, as the dispatcher servlet
	 * records it on the HTTP observation
	 * @param handler the controller's work
	 * @return the driver
	 */
	public static RequestDriver of(ConfigurableApplicationContext context, Predicate<Filter> include, String route,
			Handler handler) {
		List<Filter> filters = new ArrayList<>();
		for (ServletContextInitializer initializer : new ServletContextInitializerBeans(context.getBeanFactory())) {
			if (initializer instanceof AbstractFilterRegistrationBean<?> registration && registration.isEnabled()
					&& include.test(registration.getFilter())) {
				filters.add(registration.getFilter());
			}
		}
		ServletContext servletContext = ((org.springframework.web.context.WebApplicationContext) context)
			.getServletContext();
		return new RequestDriver(servletContext, filters.toArray(Filter[]::new), new HttpServlet() {

			@Override
			protected void service(HttpServletRequest request, HttpServletResponse response)
					throws ServletException, IOException {
				// What the dispatcher servlet does once a handler matched.
				ServerHttpObservationFilter.findObservationContext(request).ifPresent((observation) -> {
					if (observation.getPathPattern() == null) {
						observation.setPathPattern(route);
					}
				});
				handler.handle(request, response);
				response.setStatus(HttpServletResponse.SC_OK);
			}

		}, route);
	}

	/**
	 * The filters applied, in order.
	 * @return their classes' simple names
	 */
	public List<String> filterNames() {
		return java.util.Arrays.stream(this.filters).map((filter) -> filter.getClass().getSimpleName()).toList();
	}

	/**
	 * Send one {@code POST} request with a JSON body.
	 * @return the response
	 * @throws Exception whatever a filter or the handler throws
	 */
	public MockHttpServletResponse perform() throws Exception {
		MockHttpServletRequest request = newRequest();
		MockHttpServletResponse response = new MockHttpServletResponse();
		new MockFilterChain(this.terminal, this.filters).doFilter(request, response);
		return response;
	}

	/**
	 * A new request like those {@link #perform()} sends.
	 * @return the request
	 */
	public MockHttpServletRequest newRequest() {
		MockHttpServletRequest request = new MockHttpServletRequest(this.servletContext, "POST", this.path);
		request.setContentType("application/json");
		request.addHeader("Accept", "application/json");
		request.setContent(Workload.REQUEST_BODY);
		return request;
	}

	/**
	 * The controller's side of a request.
	 */
	@FunctionalInterface
	public interface Handler {

		/**
		 * Handle a request.
		 * @param request the request
		 * @param response the response
		 * @throws IOException on I/O failure
		 * @throws ServletException on other failures
		 */
		void handle(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException;

	}

}
