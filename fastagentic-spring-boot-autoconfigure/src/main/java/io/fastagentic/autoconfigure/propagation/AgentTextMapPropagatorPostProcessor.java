package io.fastagentic.autoconfigure.propagation;

import java.util.ArrayList;
import java.util.List;

import io.fastagentic.autoconfigure.otel.FastAgenticOtelProperties;
import io.fastagentic.propagation.http.AgentTextMapPropagator;
import io.fastagentic.propagation.http.BaggageHostAllowList;
import io.micrometer.tracing.otel.bridge.OtelBaggageManager;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.propagation.BaggageTextMapPropagator;
import io.opentelemetry.context.propagation.TextMapPropagator;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.micrometer.tracing.autoconfigure.TracingProperties;
import org.springframework.boot.micrometer.tracing.autoconfigure.TracingProperties.Propagation.PropagationType;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;

/**
 * Puts FastAgentic's propagation in the place of the one {@link TextMapPropagator} that
 * Spring Boot derives from {@code management.tracing.propagation.*} and
 * {@code management.tracing.baggage.*}, reading the same properties. Every other
 * {@code TextMapPropagator} bean (an application's AWS X-Ray propagator, for example)
 * stays in the list from which Boot builds its {@code ContextPropagators}, and its
 * headers go out next to FastAgentic's.
 * <p>
 * Boot offers no hook to change the propagator it derives (its bean backs off for no
 * other bean), so this post-processor is the narrowest way to keep Boot's list while
 * FastAgentic decides the formats: the bean it replaces is recognised by its class living
 * in Boot's OpenTelemetry tracing auto-configuration package.
 *
 * @author FastAgentic
 */
class AgentTextMapPropagatorPostProcessor implements BeanPostProcessor {

	private static final String BOOT_PACKAGE = OpenTelemetryTracingAutoConfiguration.class.getPackageName();

	private final ObjectProvider<FastAgenticOtelProperties> properties;

	private final ObjectProvider<TracingProperties> tracingProperties;

	private final ObjectProvider<OtelCurrentTraceContext> currentTraceContext;

	AgentTextMapPropagatorPostProcessor(ObjectProvider<FastAgenticOtelProperties> properties,
			ObjectProvider<TracingProperties> tracingProperties,
			ObjectProvider<OtelCurrentTraceContext> currentTraceContext) {
		this.properties = properties;
		this.tracingProperties = tracingProperties;
		this.currentTraceContext = currentTraceContext;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (!(bean instanceof TextMapPropagator) || !bean.getClass().getPackageName().equals(BOOT_PACKAGE)) {
			return bean;
		}
		FastAgenticOtelProperties properties = this.properties.getObject();
		TracingProperties tracingProperties = this.tracingProperties.getObject();
		FastAgenticOtelProperties.Propagation propagation = properties.getPropagation();
		return AgentTextMapPropagator.create(formats(properties, tracingProperties), propagation.isTrustIncoming(),
				BaggageHostAllowList.of(propagation.getBaggageAllowedHosts()), remoteFields(tracingProperties));
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
	private @Nullable TextMapPropagator remoteFields(TracingProperties tracingProperties) {
		TracingProperties.Baggage baggage = tracingProperties.getBaggage();
		List<String> remoteFields = baggage.getRemoteFields();
		if (!baggage.isEnabled() || remoteFields.isEmpty()) {
			return null;
		}
		return new BaggageTextMapPropagator(remoteFields,
				new OtelBaggageManager(this.currentTraceContext.getObject(), remoteFields, baggage.getTagFields()));
	}

}
