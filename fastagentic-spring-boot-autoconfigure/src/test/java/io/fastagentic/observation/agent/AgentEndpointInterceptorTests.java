package io.fastagentic.observation.agent;

import java.util.ArrayList;
import java.util.List;

import io.fastagentic.annotation.AgentEndpoint;
import io.fastagentic.correlation.AgentCorrelation;
import io.micrometer.observation.Observation;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.otel.bridge.OtelBaggageManager;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Tests for {@link AgentEndpointInterceptor}: each call of an {@link AgentEndpoint}
 * method is one {@code agent.run} observation with a fresh run id, returned to the caller
 * in {@code X-Run-Id}.
 */
class AgentEndpointInterceptorTests {

	private static final String RUN_ID_PATTERN = "run-[0-9a-f-]{36}";

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	private final MockHttpServletRequest request = new MockHttpServletRequest("POST", "/chat");

	private MockHttpServletResponse response = new MockHttpServletResponse();

	@BeforeEach
	void bindRequest() {
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(this.request, this.response));
	}

	@AfterEach
	void resetRequestContext() {
		RequestContextHolder.resetRequestAttributes();
	}

	@Test
	void callIsObservedAsAgentRunNamedAfterThePath() {
		ChatController controller = proxy(new AgentEndpointInterceptor(this.registry, Tracer.NOOP, null, null, false));
		assertThat(controller.chat("hello")).isEqualTo("answer to hello");
		assertThat(this.registry).hasSingleObservationThat()
			.hasNameEqualTo("agent.run")
			.hasContextualNameEqualTo("agent.run /chat")
			.hasLowCardinalityKeyValue("endpoint", "/chat")
			.hasLowCardinalityKeyValue("adapter", "langchain4j")
			.hasLowCardinalityKeyValue("model", "gpt-4")
			.hasLowCardinalityKeyValue("gen_ai.operation.name", "invoke_agent")
			.hasLowCardinalityKeyValue("gen_ai.agent.name", "/chat")
			.hasHighCardinalityKeyValue("user_id", "anonymous")
			.hasBeenStarted()
			.hasBeenStopped()
			.doesNotHaveError();
	}

	@Test
	void runIdIsRecordedAndReturnedInTheRunIdHeader() {
		ChatController controller = proxy(new AgentEndpointInterceptor(this.registry, Tracer.NOOP, null, null, false));
		controller.chat("hello");
		String runId = this.response.getHeader("X-Run-Id");
		assertThat(runId).matches(RUN_ID_PATTERN);
		assertThat(this.registry).hasSingleObservationThat().hasHighCardinalityKeyValue("run_id", runId);
	}

	@Test
	void nameAttributeNamesTheRun() {
		ChatController controller = proxy(new AgentEndpointInterceptor(this.registry, Tracer.NOOP, null, null, false));
		controller.support();
		assertThat(this.registry).hasSingleObservationThat()
			.hasContextualNameEqualTo("agent.run support")
			.hasLowCardinalityKeyValue("endpoint", "support")
			.hasLowCardinalityKeyValue("gen_ai.agent.name", "support")
			.hasLowCardinalityKeyValue("adapter", "spring-ai")
			.hasLowCardinalityKeyValue("model", "gpt-4o");
	}

	@Test
	void blankAdapterAndModelAreRecordedAsNone() {
		ChatController controller = proxy(new AgentEndpointInterceptor(this.registry, Tracer.NOOP, null, null, false));
		controller.bare();
		assertThat(this.registry).hasSingleObservationThat()
			.hasContextualNameEqualTo("agent.run /bare")
			.hasLowCardinalityKeyValue("adapter", "none")
			.hasLowCardinalityKeyValue("model", "none");
	}

	@Test
	void failureIsRethrownUnchangedAndRecordedOnTheStoppedRun() {
		ChatController target = new ChatController();
		ChatController controller = proxy(new AgentEndpointInterceptor(this.registry, Tracer.NOOP, null, null, false),
				target);
		assertThatException().isThrownBy(controller::failing).isSameAs(target.failure);
		assertThat(this.registry).hasSingleObservationThat()
			.hasContextualNameEqualTo("agent.run /failing")
			.hasBeenStopped()
			.hasError(target.failure);
		assertThat(this.response.getHeader("X-Run-Id")).matches(RUN_ID_PATTERN);
	}

	@Test
	void everyCallGetsItsOwnRunId() {
		ChatController controller = proxy(new AgentEndpointInterceptor(this.registry, Tracer.NOOP, null, null, false));
		controller.chat("first");
		String firstHeader = this.response.getHeader("X-Run-Id");
		rebindResponse();
		controller.chat("second");
		String secondHeader = this.response.getHeader("X-Run-Id");
		assertThat(firstHeader).isNotEqualTo(secondHeader);
		List<String> recorded = new ArrayList<>();
		assertThat(this.registry).hasNumberOfObservationsWithNameEqualTo("agent.run", 2)
			.hasHandledContextsThatSatisfy((contexts) -> contexts
				.forEach((context) -> recorded.add(context.getHighCardinalityKeyValue("run_id").getValue())));
		assertThat(recorded).containsExactly(firstHeader, secondHeader);
	}

	@Test
	void methodWithoutAgentEndpointIsNotObserved() {
		ChatController controller = proxy(new AgentEndpointInterceptor(this.registry, Tracer.NOOP, null, null, false));
		assertThat(controller.health()).isEqualTo("UP");
		assertThat(this.registry).doesNotHaveAnyObservation();
		assertThat(this.response.getHeader("X-Run-Id")).isNull();
	}

	@Test
	void callOutsideAnHttpRequestIsObservedWithoutHeaders() {
		RequestContextHolder.resetRequestAttributes();
		ChatController controller = proxy(new AgentEndpointInterceptor(this.registry, Tracer.NOOP, null, null, false));
		controller.chat("hello");
		assertThat(this.registry).hasSingleObservationThat()
			.hasHighCardinalityKeyValueWithKey("run_id")
			.hasBeenStopped();
		assertThat(this.response.getHeaderNames()).isEmpty();
	}

	@Test
	void customConventionNamesTheRun() {
		AgentRunObservationConvention convention = new DefaultAgentRunObservationConvention() {

			@Override
			public String getContextualName(AgentRunObservationContext context) {
				return "invoke_agent " + context.getEndpoint().name();
			}

		};
		ChatController controller = proxy(
				new AgentEndpointInterceptor(this.registry, Tracer.NOOP, convention, null, false));
		controller.chat("hello");
		assertThat(this.registry).hasSingleObservationThat()
			.hasNameEqualTo("agent.run")
			.hasContextualNameEqualTo("invoke_agent /chat");
	}

	@Test
	void withoutTracingNoTraceResponseHeaderIsWritten() {
		ChatController controller = proxy(new AgentEndpointInterceptor(this.registry, Tracer.NOOP, null, null, false));
		controller.chat("hello");
		assertThat(this.response.getHeader("X-Run-Id")).matches(RUN_ID_PATTERN);
		assertThat(this.response.getHeader("traceresponse")).isNull();
	}

	@Test
	void traceResponseHeaderNamesTheCurrentServerSpan() {
		try (SdkTracerProvider tracerProvider = SdkTracerProvider.builder().build()) {
			OtelTracer tracer = otelTracer(tracerProvider);
			ChatController controller = proxy(new AgentEndpointInterceptor(this.registry, tracer, null, null, false));
			Span serverSpan = tracer.nextSpan().name("http post /chat").start();
			try (Tracer.SpanInScope scope = tracer.withSpan(serverSpan)) {
				controller.chat("hello");
			}
			finally {
				serverSpan.end();
			}
			assertThat(this.response.getHeader("traceresponse"))
				.isEqualTo("00-" + serverSpan.context().traceId() + "-" + serverSpan.context().spanId() + "-01");
		}
	}

	@Test
	void withATracerButNoCurrentSpanNoTraceResponseHeaderIsWritten() {
		try (SdkTracerProvider tracerProvider = SdkTracerProvider.builder().build()) {
			ChatController controller = proxy(
					new AgentEndpointInterceptor(this.registry, otelTracer(tracerProvider), null, null, false));
			controller.chat("hello");
			assertThat(this.response.getHeader("X-Run-Id")).matches(RUN_ID_PATTERN);
			assertThat(this.response.getHeader("traceresponse")).isNull();
		}
	}

	@Test
	void runIdIsCurrentWhileTheEndpointRunsNextToTheCurrentUserId() {
		try (SdkTracerProvider tracerProvider = SdkTracerProvider.builder().build()) {
			OtelTracer tracer = otelTracer(tracerProvider);
			ChatController target = new ChatController();
			ChatController controller = proxy(new AgentEndpointInterceptor(this.registry, tracer, null, null, false),
					target);
			try (Scope user = AgentCorrelation.openUser("alice")) {
				controller.chat("hello");
				assertThat(AgentCorrelation.current().runId()).isNull();
			}
			String runId = this.response.getHeader("X-Run-Id");
			assertThat(target.runIdSeenInside).isEqualTo(runId);
			assertThat(target.userIdSeenInside).isEqualTo("alice");
			assertThat(this.registry).hasSingleObservationThat()
				.hasHighCardinalityKeyValue("run_id", runId)
				.hasHighCardinalityKeyValue("user_id", "alice");
			assertThat(AgentCorrelation.current()).isNull();
		}
	}

	private void rebindResponse() {
		this.response = new MockHttpServletResponse();
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(this.request, this.response));
	}

	private static OtelTracer otelTracer(SdkTracerProvider tracerProvider) {
		OtelCurrentTraceContext currentTraceContext = new OtelCurrentTraceContext();
		return new OtelTracer(tracerProvider.get("test"), currentTraceContext, (event) -> {
		}, new OtelBaggageManager(currentTraceContext, List.of(), List.of()));
	}

	private static ChatController proxy(AgentEndpointInterceptor interceptor) {
		return proxy(interceptor, new ChatController());
	}

	/**
	 * A class proxy of a target whose {@link AgentEndpoint} methods the interceptor
	 * advises.
	 */
	@SuppressWarnings("unchecked")
	static <T> T proxy(AgentEndpointInterceptor interceptor, T target) {
		ProxyFactory factory = new ProxyFactory(target);
		factory.setProxyTargetClass(true);
		factory.addAdvisor(new DefaultPointcutAdvisor(
				AnnotationMatchingPointcut.forMethodAnnotation(AgentEndpoint.class), interceptor));
		return (T) factory.getProxy();
	}

	static class ChatController {

		final RuntimeException failure = new IllegalStateException("model unavailable");

		String runIdSeenInside;

		String userIdSeenInside;

		@AgentEndpoint(path = "/chat", adapter = "langchain4j", model = "gpt-4")
		public String chat(String question) {
			AgentCorrelation correlation = AgentCorrelation.current();
			this.runIdSeenInside = correlation.runId();
			this.userIdSeenInside = correlation.userId();
			return "answer to " + question;
		}

		@AgentEndpoint(path = "/support", name = "support", adapter = "spring-ai", model = "gpt-4o")
		public String support() {
			return "ticket opened";
		}

		@AgentEndpoint(path = "/bare")
		public String bare() {
			return "bare answer";
		}

		@AgentEndpoint(path = "/failing")
		public String failing() {
			throw this.failure;
		}

		public String health() {
			return "UP";
		}

	}

}
