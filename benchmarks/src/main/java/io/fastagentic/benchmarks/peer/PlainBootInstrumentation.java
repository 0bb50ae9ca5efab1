package io.fastagentic.benchmarks.peer;

import io.fastagentic.benchmarks.support.BenchContexts;
import io.fastagentic.benchmarks.support.BenchInfrastructure;
import io.fastagentic.benchmarks.support.Instrumentation;
import io.fastagentic.benchmarks.support.RequestDriver;
import io.fastagentic.benchmarks.support.TracingMode;
import io.fastagentic.benchmarks.support.Workload;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The same spans as {@code FastAgenticInstrumentation}, made with plain Micrometer
 * observations on stock Spring Boot tracing: the peer FastAgentic is compared with.
 */
public final class PlainBootInstrumentation implements Instrumentation {

	private static final HttpServlet NOTHING = new HttpServlet() {

		@Override
		protected void service(jakarta.servlet.http.HttpServletRequest request,
				jakarta.servlet.http.HttpServletResponse response) {
		}

	};

	private final ConfigurableApplicationContext context;

	private final PlainObservations observations;

	private final RequestDriver request;

	private final RequestDriver http;

	private final Filter authFilter;

	private final Filter policyFilter;

	/**
	 * Start an application with stock Spring Boot tracing in the given mode.
	 * @param mode the tracing settings
	 */
	public PlainBootInstrumentation(TracingMode mode) {
		this.context = BenchContexts.plainBoot(PlainBootBenchConfiguration.class, mode);
		this.observations = this.context.getBean(PlainObservations.class);
		this.request = RequestDriver.of(this.context, (filter) -> true, Workload.ROUTE,
				(request, response) -> agentRun(request));
		this.http = RequestDriver.of(this.context, (filter) -> !isPeer(filter), Workload.ROUTE, (request, response) -> {
		});
		this.authFilter = new PlainAuthFilter(this.observations);
		this.policyFilter = new PlainPolicyFilter(this.observations);
	}

	private static boolean isPeer(Filter filter) {
		return filter instanceof PlainAuthFilter || filter instanceof PlainPolicyFilter;
	}

	/**
	 * The filters a request goes through.
	 * @return their names, in order
	 */
	public java.util.List<String> filterNames() {
		return this.request.filterNames();
	}

	private String agentRun(jakarta.servlet.http.HttpServletRequest request) {
		String runId = PlainObservations.runId();
		Object userId = request.getAttribute(PlainAuthFilter.USER_ID_ATTRIBUTE);
		return this.observations.agentRun(runId, (userId != null) ? userId.toString() : "anonymous",
				() -> this.observations.work(runId));
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
				checked.setAttribute(PlainAuthFilter.USER_ID_ATTRIBUTE, "anonymous");
				yield filter(this.policyFilter, checked);
			}
			case AGENT_RUN -> {
				String runId = PlainObservations.runId();
				yield this.observations.agentRun(runId, "anonymous", () -> Workload.ANSWER);
			}
			case LLM -> this.observations.llm();
			case TOOL -> this.observations.tool();
			case CHECKPOINT -> {
				this.observations.checkpoint();
				yield this.observations;
			}
			case STREAM -> {
				this.observations.stream(null);
				yield this.observations;
			}
		};
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
