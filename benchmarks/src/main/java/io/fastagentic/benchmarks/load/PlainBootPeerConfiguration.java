package io.fastagentic.benchmarks.load;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.fastagentic.annotation.AgentEndpoint;
import io.fastagentic.benchmarks.peer.PlainAuthFilter;
import io.fastagentic.benchmarks.peer.PlainObservations;
import io.fastagentic.benchmarks.peer.PlainPeerFilters;
import io.fastagentic.correlation.AgentSpan;
import io.fastagentic.correlation.AgentTracer;
import io.fastagentic.observation.AgentObservations;
import io.fastagentic.observation.ObservedCallable;
import io.fastagentic.observation.llm.LlmPricing;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;
import org.aspectj.lang.reflect.MethodSignature;
import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The load run's peer: the sample application on stock Spring Boot tracing, with
 * FastAgentic's auto-configurations excluded and its environment listener removed. Its
 * LLM and tool calls are Spring AI's, observed by Spring AI's own conventions. The rest
 * of the sample is written against FastAgentic's API, so this configuration serves that
 * API with plain Micrometer observations (what an application without FastAgentic would
 * write by hand): {@code agent.run} by a plain aspect, {@code auth.validate} and
 * {@code policy.check} by plain filters, {@code checkpoint.write} by
 * {@code Observation.createNotStarted}, custom spans by the Micrometer tracer. Stock
 * Spring Boot has no JDBC spans, so the peer's requests have two spans fewer.
 */
@Configuration(proxyBeanMethods = false)
@Import(PlainPeerFilters.class)
class PlainBootPeerConfiguration {

	@Bean
	AgentTracer plainAgentTracer(Tracer tracer) {
		return new PlainAgentTracer(tracer);
	}

	@Bean
	AgentObservations plainAgentObservations(ObservationRegistry registry, AgentTracer tracer) {
		return new PlainAgentObservations(registry, tracer);
	}

	@Bean
	PlainAgentAspect plainAgentAspect(ObservationRegistry registry) {
		return new PlainAgentAspect(registry);
	}

	/**
	 * The run id of the current run, for {@link AgentTracer#currentRunId()}.
	 */
	static final ThreadLocal<String> RUN_ID = new ThreadLocal<>();

	/**
	 * {@code agent.run} around {@code @AgentEndpoint} methods, with a plain observation.
	 */
	@Aspect
	static final class PlainAgentAspect {

		private final ObservationRegistry registry;

		private final Map<Method, String[]> endpoints = new ConcurrentHashMap<>();

		PlainAgentAspect(ObservationRegistry registry) {
			this.registry = registry;
		}

		@Around("@annotation(io.fastagentic.annotation.AgentEndpoint)")
		@Nullable Object run(ProceedingJoinPoint joinPoint) throws Throwable {
			Method method = ((MethodSignature) joinPoint.getSignature()).getMethod();
			String[] endpoint = this.endpoints.computeIfAbsent(method, (key) -> {
				AgentEndpoint annotation = AnnotatedElementUtils.findMergedAnnotation(key, AgentEndpoint.class);
				String path = (annotation != null && annotation.path().length > 0) ? annotation.path()[0] : "/";
				return new String[] { path, orNone((annotation != null) ? annotation.adapter() : ""),
						orNone((annotation != null) ? annotation.model() : "") };
			});
			String runId = PlainObservations.runId();
			RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
			Object userId = (attributes != null)
					? attributes.getAttribute(PlainAuthFilter.USER_ID_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST)
					: null;
			Observation observation = Observation.createNotStarted("agent.run", this.registry)
				.contextualName("agent.run " + endpoint[0])
				.lowCardinalityKeyValue("adapter", endpoint[1])
				.lowCardinalityKeyValue("endpoint", endpoint[0])
				.lowCardinalityKeyValue("gen_ai.agent.name", endpoint[0])
				.lowCardinalityKeyValue("gen_ai.operation.name", "invoke_agent")
				.lowCardinalityKeyValue("model", endpoint[2])
				.highCardinalityKeyValue("run_id", runId)
				.highCardinalityKeyValue("user_id", (userId != null) ? userId.toString() : "anonymous")
				.start();
			RUN_ID.set(runId);
			try (Observation.Scope scope = observation.openScope()) {
				return joinPoint.proceed();
			}
			catch (Throwable ex) {
				observation.error(ex);
				throw ex;
			}
			finally {
				RUN_ID.remove();
				observation.stop();
			}
		}

		private static String orNone(String value) {
			return value.isEmpty() ? "none" : value;
		}

	}

	/**
	 * Custom spans with the Micrometer tracer.
	 */
	static final class PlainAgentTracer implements AgentTracer {

		private final Tracer tracer;

		PlainAgentTracer(Tracer tracer) {
			this.tracer = tracer;
		}

		@Override
		public AgentSpan startSpan(String name) {
			Span span = this.tracer.nextSpan().name(name).start();
			Tracer.SpanInScope scope = this.tracer.withSpan(span);
			return new AgentSpan() {

				@Override
				public AgentSpan setAttribute(String key, String value) {
					span.tag(key, value);
					return this;
				}

				@Override
				public AgentSpan setAttribute(String key, long value) {
					span.tag(key, value);
					return this;
				}

				@Override
				public AgentSpan setAttribute(String key, double value) {
					span.tag(key, value);
					return this;
				}

				@Override
				public AgentSpan setAttribute(String key, boolean value) {
					span.tag(key, value);
					return this;
				}

				@Override
				public AgentSpan recordException(Throwable failure) {
					span.error(failure);
					return this;
				}

				@Override
				public void close() {
					scope.close();
					span.end();
				}

			};
		}

		@Override
		public @Nullable String currentRunId() {
			return RUN_ID.get();
		}

		@Override
		public @Nullable String currentUserId() {
			return null;
		}

	}

	/**
	 * The sample's {@link AgentObservations} calls served by plain observations.
	 */
	static final class PlainAgentObservations extends AgentObservations {

		private final ObservationRegistry registry;

		PlainAgentObservations(ObservationRegistry registry, AgentTracer tracer) {
			super(ObservationRegistry.NOOP, LlmPricing.of(Map.of()), tracer, Conventions.defaults(), false);
			this.registry = registry;
		}

		@Override
		public <T, E extends Throwable> T checkpointWrite(String backend, long sizeBytes, ObservedCallable<T, E> write)
				throws E {
			Observation observation = Observation.createNotStarted("checkpoint.write", this.registry)
				.lowCardinalityKeyValue("backend", backend)
				.highCardinalityKeyValue("size", Long.toString(sizeBytes))
				.start();
			try (Observation.Scope scope = observation.openScope()) {
				return write.call();
			}
			catch (Throwable ex) {
				observation.error(ex);
				throw ex;
			}
			finally {
				observation.stop();
			}
		}

	}

}
