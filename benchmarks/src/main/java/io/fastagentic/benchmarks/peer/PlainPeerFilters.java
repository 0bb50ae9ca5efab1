package io.fastagentic.benchmarks.peer;

import io.micrometer.observation.ObservationRegistry;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The plain peer's observations and its {@code auth.validate} and {@code policy.check}
 * filters, in the order FastAgentic registers its own.
 */
@Configuration(proxyBeanMethods = false)
public class PlainPeerFilters {

	@Bean
	PlainObservations plainObservations(ObservationRegistry registry) {
		return new PlainObservations(registry);
	}

	@Bean
	FilterRegistrationBean<PlainAuthFilter> plainAuthFilter(PlainObservations observations) {
		FilterRegistrationBean<PlainAuthFilter> registration = new FilterRegistrationBean<>(
				new PlainAuthFilter(observations));
		registration.setOrder(-50);
		return registration;
	}

	@Bean
	FilterRegistrationBean<PlainPolicyFilter> plainPolicyFilter(PlainObservations observations) {
		FilterRegistrationBean<PlainPolicyFilter> registration = new FilterRegistrationBean<>(
				new PlainPolicyFilter(observations));
		registration.setOrder(-49);
		return registration;
	}

}
