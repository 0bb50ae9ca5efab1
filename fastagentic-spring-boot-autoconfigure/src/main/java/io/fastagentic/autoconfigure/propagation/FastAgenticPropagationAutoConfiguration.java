package io.fastagentic.autoconfigure.propagation;

import java.util.ArrayList;
import java.util.List;

import io.fastagentic.autoconfigure.otel.FastAgenticOtelProperties;
import io.fastagentic.propagation.http.AgentTextMapPropagator;
import io.fastagentic.propagation.http.BaggageHostAllowList;
import io.fastagentic.propagation.http.UntrustedParentLinkSpanProcessor;
import io.fastagentic.propagation.jdbc.JdbcQueryObservationConvention;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.otel.bridge.OtelBaggageManager;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.propagation.BaggageTextMapPropagator;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.extension.trace.propagation.B3Propagator;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.micrometer.tracing.autoconfigure.TracingProperties;
import org.springframework.boot.micrometer.tracing.autoconfigure.TracingProperties.Propagation.PropagationType;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration of trace context propagation: W3C, B3 and Jaeger accepted on the way
 * in, the configured formats written on the way out (for HTTP clients built by Spring,
 * through their client observation), baggage only to allowed hosts, B3's sampling states
 * shown to the sampler, untrusted edges, and the tracing of every {@code DataSource} with
 * sqlcommenter comments. Spring Boot keeps building the {@code ContextPropagators} from
 * every {@code TextMapPropagator} bean; FastAgentic's takes the place of the one Boot
 * derives from its properties.
 *
 * @author FastAgentic
 */
@AutoConfiguration(before = OpenTelemetryTracingAutoConfiguration.class)
@ConditionalOnClass({ TextMapPropagator.class, B3Propagator.class, OpenTelemetryTracingAutoConfiguration.class })
@EnableConfigurationProperties({ FastAgenticOtelProperties.class, TracingProperties.class })
public final class FastAgenticPropagationAutoConfiguration {

	FastAgenticPropagationAutoConfiguration() {
	}

	@Bean
	static AgentTextMapPropagatorPostProcessor agentTextMapPropagatorPostProcessor(
			ObjectProvider<FastAgenticOtelProperties> properties, ObjectProvider<TracingProperties> tracingProperties,
			ObjectProvider<OtelCurrentTraceContext> currentTraceContext) {
		return new AgentTextMapPropagatorPostProcessor(() -> agentTextMapPropagator(properties.getObject(),
				tracingProperties.getObject(), currentTraceContext));
	}

	private static TextMapPropagator agentTextMapPropagator(FastAgenticOtelProperties properties,
			TracingProperties tracingProperties, ObjectProvider<OtelCurrentTraceContext> currentTraceContext) {
		FastAgenticOtelProperties.Propagation propagation = properties.getPropagation();
		return AgentTextMapPropagator.create(formats(properties, tracingProperties), propagation.isTrustIncoming(),
				BaggageHostAllowList.of(propagation.getBaggageAllowedHosts()),
				remoteFields(tracingProperties.getBaggage(), currentTraceContext));
	}

	/**
	 * FASTAGENTIC_OTEL_PROPAGATORS when set, else what Spring Boot made of
	 * OTEL_PROPAGATORS and its own propagation properties.
	 */
	private static List<String> formats(FastAgenticOtelProperties properties, TracingProperties tracingProperties) {
		if (properties.getPropagators() != null) {
			return properties.getPropagators();
		}
		TracingProperties.Propagation boot = tracingProperties.getPropagation();
		List<PropagationType> types = (boot.getType() != null) ? boot.getType() : boot.getProduce();
		List<String> formats = new ArrayList<>();
		for (PropagationType type : types) {
			formats.add(switch (type) {
				case W3C -> "tracecontext";
				case B3 -> "b3";
				case B3_MULTI -> "b3multi";
			});
		}
		if (tracingProperties.getBaggage().isEnabled()) {
			formats.add("baggage");
		}
		return formats;
	}

	/**
	 * Boot's remote fields, read and written as Boot's own propagator does.
	 */
	private static @Nullable TextMapPropagator remoteFields(TracingProperties.Baggage baggage,
			ObjectProvider<OtelCurrentTraceContext> currentTraceContext) {
		List<String> remoteFields = baggage.getRemoteFields();
		if (!baggage.isEnabled() || remoteFields.isEmpty()) {
			return null;
		}
		return new BaggageTextMapPropagator(remoteFields,
				new OtelBaggageManager(currentTraceContext.getObject(), remoteFields, baggage.getTagFields()));
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "fastagentic.otel.propagation.trust-incoming", havingValue = false)
	UntrustedParentLinkSpanProcessor untrustedParentLinkSpanProcessor() {
		return new UntrustedParentLinkSpanProcessor();
	}

	/**
	 * At an untrusted edge no caller's decision is honoured, so the sampler stays as it
	 * is.
	 */
	@Bean
	@ConditionalOnBooleanProperty(name = "fastagentic.otel.propagation.trust-incoming", matchIfMissing = true)
	static B3AwareSamplerPostProcessor b3AwareSamplerPostProcessor() {
		return new B3AwareSamplerPostProcessor();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ ProxyDataSource.class, ObservationRegistry.class })
	@ConditionalOnBooleanProperty(name = "fastagentic.otel.propagation.jdbc-enabled", matchIfMissing = true)
	static class JdbcConfiguration {

		@Bean
		static JdbcTracingBeanPostProcessor jdbcTracingBeanPostProcessor(
				ObjectProvider<ObservationRegistry> observationRegistry,
				ObjectProvider<JdbcQueryObservationConvention> convention,
				ObjectProvider<FastAgenticOtelProperties> properties) {
			return new JdbcTracingBeanPostProcessor(observationRegistry, convention, properties);
		}

	}

}
