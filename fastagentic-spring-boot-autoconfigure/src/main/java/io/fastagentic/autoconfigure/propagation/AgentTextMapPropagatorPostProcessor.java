package io.fastagentic.autoconfigure.propagation;

import java.util.function.Supplier;

import io.opentelemetry.context.propagation.TextMapPropagator;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;

/**
 * Puts FastAgentic's propagation in the place of the one {@link TextMapPropagator} that
 * Spring Boot derives from {@code management.tracing.propagation.*} and
 * {@code management.tracing.baggage.*}. Every other {@code TextMapPropagator} bean (an
 * application's AWS X-Ray propagator, for example) stays in the list from which Boot
 * builds its {@code ContextPropagators}, and its headers go out next to FastAgentic's.
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

	private final Supplier<TextMapPropagator> propagator;

	/**
	 * Create the post-processor.
	 * @param propagator makes FastAgentic's propagator, once Boot's is created
	 */
	AgentTextMapPropagatorPostProcessor(Supplier<TextMapPropagator> propagator) {
		this.propagator = propagator;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		return (bean instanceof TextMapPropagator && bean.getClass().getPackageName().equals(BOOT_PACKAGE))
				? this.propagator.get() : bean;
	}

}
