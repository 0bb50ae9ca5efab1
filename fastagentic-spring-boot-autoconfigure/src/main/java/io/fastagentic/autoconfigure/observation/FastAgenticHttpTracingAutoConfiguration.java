package io.fastagentic.autoconfigure.observation;

import io.fastagentic.observation.handler.TypedReceiverTracingObservationHandler;
import io.fastagentic.observation.http.RedactingClientRequestObservationConvention;
import io.fastagentic.observation.handler.TypedSenderTracingObservationHandler;
import io.fastagentic.sampling.TailSamplingSpanProcessor;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.PropagatingReceiverTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingSenderTracingObservationHandler;
import io.micrometer.tracing.otel.bridge.OtelSpan;
import io.micrometer.tracing.propagation.Propagator;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.client.observation.ClientRequestObservationConvention;

/**
 * Spring Boot's propagating tracing handlers (incoming and outgoing requests) with typed
 * values and the HTTP server status rule, in their place and order: Spring Boot backs off
 * for them, and they back off for an application's own. Outgoing requests' URLs lose
 * their query values.
 *
 * @author FastAgentic
 */
@AutoConfiguration(after = OpenTelemetryTracingAutoConfiguration.class,
		before = MicrometerTracingAutoConfiguration.class)
@ConditionalOnClass({ Tracer.class, OtelSpan.class })
@ConditionalOnBean({ Tracer.class, Propagator.class })
public final class FastAgenticHttpTracingAutoConfiguration {

	FastAgenticHttpTracingAutoConfiguration() {
	}

	@Bean
	@Order(MicrometerTracingAutoConfiguration.SENDER_TRACING_OBSERVATION_HANDLER_ORDER)
	@ConditionalOnMissingBean(PropagatingSenderTracingObservationHandler.class)
	TypedSenderTracingObservationHandler typedSenderTracingObservationHandler(Tracer tracer, Propagator propagator,
			ObjectProvider<TailSamplingSpanProcessor> tailSampling) {
		return new TypedSenderTracingObservationHandler(tracer, propagator, DeferredAttributesSource.of(tailSampling));
	}

	@Bean
	@Order(MicrometerTracingAutoConfiguration.RECEIVER_TRACING_OBSERVATION_HANDLER_ORDER)
	@ConditionalOnMissingBean(PropagatingReceiverTracingObservationHandler.class)
	@ConditionalOnClass(name = "org.springframework.http.server.observation.ServerRequestObservationContext")
	TypedReceiverTracingObservationHandler typedReceiverTracingObservationHandler(Tracer tracer, Propagator propagator,
			ObjectProvider<TailSamplingSpanProcessor> tailSampling) {
		return new TypedReceiverTracingObservationHandler(tracer, propagator,
				DeferredAttributesSource.of(tailSampling));
	}

	/**
	 * Spring's outgoing-request convention without query values in {@code http.url};
	 * {@code fastagentic.web.capture-url-query=true} keeps Spring's own.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.http.client.observation.ClientRequestObservationConvention")
	@ConditionalOnBooleanProperty(name = "fastagentic.web.capture-url-query", havingValue = false,
			matchIfMissing = true)
	static class ClientRequestConfiguration {

		@Bean
		@ConditionalOnMissingBean(ClientRequestObservationConvention.class)
		RedactingClientRequestObservationConvention redactingClientRequestObservationConvention() {
			return new RedactingClientRequestObservationConvention();
		}

	}

}
