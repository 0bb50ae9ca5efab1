package io.fastagentic.autoconfigure.propagation;

import java.util.ArrayList;
import java.util.List;

import io.fastagentic.autoconfigure.otel.FastAgenticOtelProperties;
import io.fastagentic.propagation.http.AgentTextMapPropagator;
import io.fastagentic.propagation.http.BaggageHostAllowList;
import io.fastagentic.propagation.http.UntrustedParentLinkSpanProcessor;
import io.fastagentic.propagation.jdbc.JdbcQueryObservationConvention;
import io.micrometer.observation.ObservationRegistry;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.extension.trace.propagation.B3Propagator;
import net.ttddyy.dsproxy.support.ProxyDataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.micrometer.tracing.autoconfigure.ConditionalOnEnabledTracingExport;
import org.springframework.boot.micrometer.tracing.autoconfigure.TracingProperties;
import org.springframework.boot.micrometer.tracing.autoconfigure.TracingProperties.Propagation.PropagationType;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Auto-configuration of trace context propagation: W3C, B3 and Jaeger accepted on the way
 * in, the configured formats written on the way out (for HTTP clients built by Spring,
 * through their client observation), baggage only to allowed hosts, B3's sampling states
 * shown to the sampler, untrusted edges, and the tracing of every {@code DataSource} with
 * sqlcommenter comments.
 *
 * @author FastAgentic
 */
@AutoConfiguration(before = OpenTelemetryTracingAutoConfiguration.class)
@ConditionalOnClass({ ContextPropagators.class, B3Propagator.class, OpenTelemetryTracingAutoConfiguration.class })
@EnableConfigurationProperties({ FastAgenticOtelProperties.class, TracingProperties.class })
public final class FastAgenticPropagationAutoConfiguration {

	FastAgenticPropagationAutoConfiguration() {
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnEnabledTracingExport
	ContextPropagators fastAgenticContextPropagators(FastAgenticOtelProperties properties,
			TracingProperties tracingProperties) {
		FastAgenticOtelProperties.Propagation propagation = properties.getPropagation();
		return ContextPropagators.create(AgentTextMapPropagator.create(formats(properties, tracingProperties),
				propagation.isTrustIncoming(), BaggageHostAllowList.of(propagation.getBaggageAllowedHosts())));
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
	static class JdbcConfiguration {

		@Bean
		static JdbcTracingBeanPostProcessor jdbcTracingBeanPostProcessor(
				ObjectProvider<ObservationRegistry> observationRegistry,
				ObjectProvider<JdbcQueryObservationConvention> convention, Environment environment) {
			return new JdbcTracingBeanPostProcessor(observationRegistry, convention, environment);
		}

	}

}
