package io.fastagentic.autoconfigure.propagation;

import io.fastagentic.propagation.http.B3AwareSampler;
import io.opentelemetry.sdk.trace.samplers.Sampler;

import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Wraps the {@link Sampler} bean, Spring Boot's or the application's, so that it honours
 * B3's sampling states: the sampler keeps deciding, with the parent those states mean.
 *
 * @author FastAgentic
 */
class B3AwareSamplerPostProcessor implements BeanPostProcessor {

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		return (bean instanceof Sampler sampler) ? B3AwareSampler.wrap(sampler) : bean;
	}

}
