package io.fastagentic.benchmarks.fastagentic;

import io.fastagentic.annotation.AgentEndpointInfo;
import io.fastagentic.benchmarks.support.BenchContexts;
import io.fastagentic.benchmarks.support.BenchInfrastructure;
import io.fastagentic.benchmarks.support.Instrumentation;
import io.fastagentic.benchmarks.support.RequestDriver;
import io.fastagentic.benchmarks.support.TracingMode;
import io.fastagentic.benchmarks.support.Workload;
import io.fastagentic.web.AgentEndpointRegistry;
import io.fastagentic.web.AuthValidateFilter;
import io.fastagentic.web.PolicyCheckFilter;
import io.fastagentic.web.auth.AuthenticationResult;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The instrumentation of an agent request by FastAgentic, on the beans its
 * auto-configurations create.
 */
public final class FastAgenticInstrumentation implements Instrumentation {

	private static final HttpServlet NOTHING = new HttpServlet() {

		@Override
		protected void service(jakarta.servlet.http.HttpServletRequest request,
				jakarta.servlet.http.HttpServletResponse response) {
		}

	};

	private final ConfigurableApplicationContext context;

	private final BenchAgentController controller;

	private final FastAgenticWork work;

	private final RequestDriver request;

	private final RequestDriver http;

	private final Filter authFilter;

	private final Filter policyFilter;

	private final AgentEndpointInfo endpoint;

	/**
	 * Start an application with FastAgentic in the given mode.
	 * @param mode the tracing settings
	 */
	public FastAgenticInstrumentation(TracingMode mode) {
		this.context = BenchContexts.fastAgentic(FastAgenticBenchConfiguration.class, mode);
		this.controller = this.context.getBean(BenchAgentController.class);
		this.work = this.controller.work();
		this.request = RequestDriver.of(this.context, (filter) -> true, Workload.ROUTE,
				(request, response) -> this.controller.chat());
		this.http = RequestDriver.of(this.context, (filter) -> !isFastAgentic(filter), Workload.ROUTE,
				(request, response) -> {
				});
		this.authFilter = filter(AuthValidateFilter.class);
		this.policyFilter = filter(PolicyCheckFilter.class);
		this.endpoint = this.context.getBean(AgentEndpointRegistry.class)
			.endpoints()
			.stream()
			.filter((candidate) -> candidate.path().equals(Workload.ROUTE))
			.findFirst()
			.orElseThrow();
	}

	private static boolean isFastAgentic(Filter filter) {
		return filter instanceof AuthValidateFilter || filter instanceof PolicyCheckFilter;
	}

	private Filter filter(Class<? extends Filter> type) {
		return this.context.getBeansOfType(FilterRegistrationBean.class)
			.values()
			.stream()
			.map(FilterRegistrationBean::getFilter)
			.filter(type::isInstance)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No " + type.getSimpleName() + " registered"));
	}

	/**
	 * The filters a request goes through.
	 * @return their names, in order
	 */
	public java.util.List<String> filterNames() {
		return this.request.filterNames();
	}

	@Override
	public Object request() throws Exception {
		return this.request.perform();
	}

	@Override
	public Object span(SpanKind kind) throws Exception {
		return switch (kind) {
			case HTTP -> this.http.perform();
			case AUTH -> filter(this.authFilter, this.request.newRequest());
			case POLICY -> {
				MockHttpServletRequest checked = this.request.newRequest();
				checked.setAttribute(AuthValidateFilter.ENDPOINT_ATTRIBUTE, this.endpoint);
				checked.setAttribute(AuthValidateFilter.CALLER_ATTRIBUTE, AuthenticationResult.anonymous("none"));
				yield filter(this.policyFilter, checked);
			}
			case AGENT_RUN -> agentRun();
			case LLM -> this.work.llm();
			case TOOL -> this.work.tool();
			case CHECKPOINT -> {
				this.work.checkpoint();
				yield this.work;
			}
			case STREAM -> {
				this.work.stream();
				yield this.work;
			}
		};
	}

	private Object agentRun() {
		// As inside a request, where the request context filter has run.
		MockHttpServletRequest request = this.request.newRequest();
		MockHttpServletResponse response = new MockHttpServletResponse();
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request, response));
		try {
			return this.controller.emptyRun();
		}
		finally {
			RequestContextHolder.resetRequestAttributes();
		}
	}

	private static MockHttpServletResponse filter(Filter filter, MockHttpServletRequest request) throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		new MockFilterChain(NOTHING, filter).doFilter(request, response);
		return response;
	}

	@Override
	public SpanCounts counts() {
		return BenchInfrastructure.counts(this.context);
	}

	@Override
	public void close() {
		this.context.close();
	}

}
