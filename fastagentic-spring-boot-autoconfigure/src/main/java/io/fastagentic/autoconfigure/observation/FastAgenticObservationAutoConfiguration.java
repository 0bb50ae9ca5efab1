package io.fastagentic.autoconfigure.observation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.fastagentic.autoconfigure.correlation.FastAgenticCorrelationAutoConfiguration;
import io.fastagentic.correlation.AgentTracer;
import io.fastagentic.observation.AgentObservations;
import io.fastagentic.observation.agent.AgentRunObservationContext;
import io.fastagentic.observation.checkpoint.CheckpointWriteObservationContext;
import io.fastagentic.observation.checkpoint.CheckpointWriteObservationConvention;
import io.fastagentic.observation.handler.AgentMeterObservationHandler;
import io.fastagentic.observation.handler.AgentTracingObservationHandler;
import io.fastagentic.observation.handler.ContentCaptureObservationFilter;
import io.fastagentic.observation.handler.LlmUsageMetricsHandler;
import io.fastagentic.observation.handler.ObservationAdapter;
import io.fastagentic.observation.handler.ObservationAdapters;
import io.fastagentic.observation.handler.RunTotalsObservationHandler;
import io.fastagentic.observation.llm.LlmCallObservationContext;
import io.fastagentic.observation.llm.LlmCallObservationConvention;
import io.fastagentic.observation.llm.LlmPricing;
import io.fastagentic.observation.stream.StreamEmitObservationContext;
import io.fastagentic.observation.stream.StreamEmitObservationConvention;
import io.fastagentic.observation.tool.AgentToolAspect;
import io.fastagentic.observation.tool.ToolCallObservationContext;
import io.fastagentic.observation.tool.ToolCallObservationConvention;
import io.fastagentic.propagation.jdbc.JdbcQueryObservationContext;
import io.fastagentic.sampling.TailSamplingSpanProcessor;
import io.fastagentic.web.auth.AuthObservationContext;
import io.fastagentic.web.policy.PolicyObservationContext;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler.IgnoredMeters;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.aspectj.weaver.Advice;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.util.ClassUtils;

/**
 * Auto-configuration of the observations of agent work: {@code llm.call},
 * {@code tool.call} (and {@code @AgentTool}), {@code checkpoint.write},
 * {@code stream.emit}, their spans (kinds, typed values, tool durations), token and cost
 * metrics, the runs' totals and the opt-in content capture, for FastAgentic's own
 * observations and those of every framework adapter ({@link ObservationAdapter} beans).
 *
 * @author FastAgentic
 */
@AutoConfiguration(after = { ObservationAutoConfiguration.class, FastAgenticCorrelationAutoConfiguration.class },
		afterName = { "org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration",
				"org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration" })
@ConditionalOnClass(ObservationRegistry.class)
@ConditionalOnBean(ObservationRegistry.class)
@EnableConfigurationProperties({ FastAgenticLlmProperties.class, FastAgenticStreamProperties.class })
public final class FastAgenticObservationAutoConfiguration {

	private static final Log logger = LogFactory.getLog(FastAgenticObservationAutoConfiguration.class);

	FastAgenticObservationAutoConfiguration() {
	}

	@Bean
	@ConditionalOnMissingBean
	LlmPricing llmPricing(FastAgenticLlmProperties properties) {
		Map<String, LlmPricing.Price> prices = new LinkedHashMap<>(LlmPricing.defaults());
		properties.getPricing().forEach((model, price) -> prices.put(model, toPrice(model, price)));
		return LlmPricing.of(prices);
	}

	private static LlmPricing.Price toPrice(String model, FastAgenticLlmProperties.Price price) {
		if (price.getInput() == null || price.getOutput() == null) {
			throw new IllegalStateException("fastagentic.llm.pricing[" + model
					+ "] needs both 'input' and 'output' (USD per million tokens); 'cached-input' is optional");
		}
		return new LlmPricing.Price(price.getInput(), price.getOutput(), price.getCachedInput());
	}

	@Bean
	@ConditionalOnMissingBean
	AgentObservations agentObservations(ObservationRegistry registry, LlmPricing pricing,
			ObjectProvider<AgentTracer> tracer, ObjectProvider<LlmCallObservationConvention> llmConvention,
			ObjectProvider<ToolCallObservationConvention> toolConvention,
			ObjectProvider<CheckpointWriteObservationConvention> checkpointConvention,
			ObjectProvider<StreamEmitObservationConvention> streamConvention,
			FastAgenticStreamProperties streamProperties) {
		AgentObservations.Conventions conventions = new AgentObservations.Conventions(llmConvention.getIfAvailable(),
				toolConvention.getIfAvailable(), checkpointConvention.getIfAvailable(),
				streamConvention.getIfAvailable());
		return new AgentObservations(registry, pricing, tracer.getObject(), conventions,
				streamProperties.isSpanPerEvent());
	}

	@Bean
	@ConditionalOnMissingBean
	ObservationAdapters observationAdapters(ObjectProvider<ObservationAdapter> adapters) {
		return new ObservationAdapters(adapters.orderedStream().toList());
	}

	@Bean
	@ConditionalOnMissingBean
	RunTotalsObservationHandler runTotalsObservationHandler(ObservationAdapters adapters) {
		return new RunTotalsObservationHandler(adapters);
	}

	@Bean
	@ConditionalOnBooleanProperty("fastagentic.llm.capture-content")
	ContentCaptureObservationFilter contentCaptureObservationFilter(ObservationAdapters adapters,
			FastAgenticLlmProperties properties) {
		logger.warn("fastagentic.llm.capture-content is on: prompts, completions, tool arguments and results (up to "
				+ properties.getContentMaxLength()
				+ " characters each) are exported on spans. They may hold personal data and secrets.");
		return new ContentCaptureObservationFilter(adapters, properties.getContentMaxLength());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(Tracer.class)
	@ConditionalOnBean(Tracer.class)
	static class TracingConfiguration {

		@Bean
		@Order(AgentTracingObservationHandler.ORDER)
		@ConditionalOnMissingBean
		AgentTracingObservationHandler agentTracingObservationHandler(Tracer tracer, ObservationAdapters adapters,
				ObjectProvider<TailSamplingSpanProcessor> tailSampling) {
			return new AgentTracingObservationHandler(tracer, adapters, DeferredAttributesSource.of(tailSampling));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	@ConditionalOnBean(MeterRegistry.class)
	static class MetricsConfiguration {

		private static final boolean SERVLET_OBSERVATIONS = ClassUtils.isPresent(
				"org.springframework.http.server.observation.ServerRequestObservationContext",
				MetricsConfiguration.class.getClassLoader());

		@Bean
		@ConditionalOnMissingBean
		LlmUsageMetricsHandler llmUsageMetricsHandler(MeterRegistry registry, ObservationAdapters adapters) {
			return new LlmUsageMetricsHandler(registry, adapters);
		}

		@Bean
		@Order(AgentMeterObservationHandler.ORDER)
		@ConditionalOnMissingBean
		AgentMeterObservationHandler agentMeterObservationHandler(MeterRegistry registry, Environment environment) {
			Set<IgnoredMeters> ignored = Binder.get(environment)
				.bind("management.metrics.observations.ignored-meters", Bindable.setOf(IgnoredMeters.class))
				.orElse(Set.of());
			return new AgentMeterObservationHandler(registry, MetricsConfiguration::isHandled,
					!ignored.contains(IgnoredMeters.LONG_TASK_TIMER));
		}

		/**
		 * FastAgentic's own observations, and Spring's server request observation, which
		 * every agent request makes (its key values come from FastAgentic's convention
		 * unless the application has one): the same meters as Spring Boot's handler
		 * records for it, registered once.
		 */
		private static boolean isHandled(Observation.Context context) {
			return isOwnObservation(context) || (SERVLET_OBSERVATIONS && ServerRequests.isServerRequest(context));
		}

		private static boolean isOwnObservation(Observation.Context context) {
			return context instanceof AgentRunObservationContext || context instanceof LlmCallObservationContext
					|| context instanceof ToolCallObservationContext
					|| context instanceof CheckpointWriteObservationContext
					|| context instanceof StreamEmitObservationContext || context instanceof AuthObservationContext
					|| context instanceof PolicyObservationContext || context instanceof JdbcQueryObservationContext;
		}

		/**
		 * Refers to Spring's servlet observation context, a class that is loaded only
		 * when it is on the class path.
		 */
		private static final class ServerRequests {

			private ServerRequests() {
			}

			static boolean isServerRequest(Observation.Context context) {
				return context instanceof ServerRequestObservationContext;
			}

		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(Advice.class)
	static class ToolAspectConfiguration {

		@Bean
		@ConditionalOnMissingBean
		AgentToolAspect agentToolAspect(ObservationRegistry registry,
				ObjectProvider<ToolCallObservationConvention> toolConvention, ObservationAdapters adapters) {
			return new AgentToolAspect(registry, toolConvention.getIfAvailable(),
					(context) -> adapters.toolCall(context) != null);
		}

	}

}
