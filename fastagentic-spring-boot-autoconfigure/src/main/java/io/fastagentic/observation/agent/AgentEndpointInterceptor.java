package io.fastagentic.observation.agent;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.fastagentic.annotation.AgentEndpoint;
import io.fastagentic.annotation.AgentEndpointInfo;
import io.fastagentic.correlation.AgentCorrelation;
import io.fastagentic.observation.stream.AgentStream;
import io.fastagentic.observation.stream.EventStreamResponse;
import io.fastagentic.observation.stream.StreamEmitObservationConvention;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.opentelemetry.context.Scope;
import jakarta.servlet.http.HttpServletResponse;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.support.AopUtils;
import org.springframework.core.MethodClassKey;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Traces every call of an {@link AgentEndpoint} method as an {@code agent.run {endpoint}}
 * observation, child of the HTTP server span. Each run gets a {@code run_id}, made
 * current ({@link AgentCorrelation}, so logs and child spans on any thread carry it) and
 * returned to the caller in the {@code X-Run-Id} response header, next to a W3C
 * {@code traceresponse} header that names the trace. The observation ends when the
 * returned work really ends; see {@link AgentRunCompletion}.
 * <p>
 * A plain AOP Alliance interceptor (the auto-configuration's {@code agentEndpointAdvisor}
 * applies it): no AspectJ join point, signature or reflective advice call on the request
 * path, and no AspectJ needed on the class path.
 *
 * @author FastAgentic
 */
public class AgentEndpointInterceptor implements MethodInterceptor {

	/**
	 * Response header carrying the run id.
	 */
	public static final String RUN_ID_HEADER = "X-Run-Id";

	/**
	 * W3C Trace Context Level 2 response header.
	 */
	public static final String TRACE_RESPONSE_HEADER = "traceresponse";

	private static final String ANONYMOUS = "anonymous";

	private static final AgentRunObservationConvention DEFAULT_CONVENTION = new DefaultAgentRunObservationConvention();

	private final ObservationRegistry registry;

	private final Tracer tracer;

	private final @Nullable AgentRunObservationConvention convention;

	private final @Nullable StreamEmitObservationConvention streamConvention;

	private final boolean spanPerStreamEvent;

	private final Map<MethodClassKey, AgentEndpointInfo> endpoints = new ConcurrentHashMap<>();

	/**
	 * Create the interceptor.
	 * @param registry where observations are made
	 * @param tracer the tracer, for baggage and the trace response header
	 * @param convention a convention replacing the default, or {@code null}
	 * @param streamConvention a convention replacing the default of the response's
	 * {@code stream.emit} spans, or {@code null}
	 * @param spanPerStreamEvent whether every event of a streamed response gets its own
	 * span
	 */
	public AgentEndpointInterceptor(ObservationRegistry registry, Tracer tracer,
			@Nullable AgentRunObservationConvention convention,
			@Nullable StreamEmitObservationConvention streamConvention, boolean spanPerStreamEvent) {
		this.registry = registry;
		this.tracer = tracer;
		this.convention = convention;
		this.streamConvention = streamConvention;
		this.spanPerStreamEvent = spanPerStreamEvent;
	}

	/**
	 * Run an agent endpoint inside its observation.
	 * @param invocation the call
	 * @return what the endpoint returned, possibly wrapped to report its end
	 * @throws Throwable whatever the endpoint throws, unchanged
	 */
	@Override
	public @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
		AgentEndpointInfo endpoint = endpoint(invocation);
		String runId = RunIds.next();
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		AgentRunObservationContext context = new AgentRunObservationContext(endpoint, runId, callerId());
		Observation observation = AgentRunObservationDocumentation.AGENT_RUN.observation(this.convention,
				DEFAULT_CONVENTION, () -> context, this.registry);
		writeResponseHeaders(attributes, runId);
		observation.start();
		try (Observation.Scope scope = observation.openScope(); Scope runScope = runScope(runId)) {
			// A run that ends here ends in its scope, as InScopeObservations does.
			Object result;
			try {
				watchStream(attributes, context);
				result = invocation.proceed();
			}
			catch (Throwable ex) {
				AgentRunCompletion.failed(observation, ex);
				throw ex;
			}
			return AgentRunCompletion.stopWhenDone(result, observation);
		}
	}

	/**
	 * Make the run id current, unless the run's span already did: FastAgentic's tracing
	 * handler puts it in the context the span's scope attaches. Without tracing, or with
	 * a span another handler made, the run gets a scope of its own.
	 */
	private static Scope runScope(String runId) {
		return runId.equals(AgentCorrelation.currentRunId()) ? Scope.noop() : AgentCorrelation.openRun(runId);
	}

	/**
	 * The endpoint a call is for, read from the annotation of the method the target
	 * declares (the invoked method may be an interface's) once per method and class.
	 */
	private AgentEndpointInfo endpoint(MethodInvocation invocation) {
		Method method = invocation.getMethod();
		Class<?> targetClass = (invocation.getThis() != null) ? AopUtils.getTargetClass(invocation.getThis())
				: method.getDeclaringClass();
		return this.endpoints.computeIfAbsent(new MethodClassKey(method, targetClass),
				(key) -> AgentEndpointInfo.of(AopUtils.getMostSpecificMethod(method, targetClass)));
	}

	/**
	 * The server-sent events the response will carry are the run's {@code stream.emit}
	 * spans, children of the run (its observation is current here).
	 */
	private void watchStream(@Nullable RequestAttributes attributes, AgentRunObservationContext context) {
		if (attributes instanceof ServletRequestAttributes servletAttributes) {
			EventStreamResponse response = EventStreamResponse.of(servletAttributes.getRequest());
			if (response != null) {
				AgentStream stream = AgentStream.start(this.registry, this.streamConvention, context.getRunId(),
						this.spanPerStreamEvent);
				context.setStream(stream);
				response.attach(stream);
			}
		}
	}

	private static String callerId() {
		// The caller the auth filter found and made current.
		String userId = AgentCorrelation.currentUserId();
		return (userId != null) ? userId : ANONYMOUS;
	}

	private void writeResponseHeaders(@Nullable RequestAttributes attributes, String runId) {
		if (!(attributes instanceof ServletRequestAttributes servletAttributes)) {
			return;
		}
		HttpServletResponse response = servletAttributes.getResponse();
		if (response == null || response.isCommitted()) {
			return;
		}
		response.setHeader(RUN_ID_HEADER, runId);
		Span serverSpan = this.tracer.currentSpan();
		// An unsampled request has a span that records nothing but still names the trace.
		if (serverSpan != null && !serverSpan.context().traceId().isEmpty()) {
			TraceContext trace = serverSpan.context();
			String flags = Boolean.TRUE.equals(trace.sampled()) ? "01" : "00";
			response.setHeader(TRACE_RESPONSE_HEADER, "00-" + trace.traceId() + "-" + trace.spanId() + "-" + flags);
		}
	}

}
