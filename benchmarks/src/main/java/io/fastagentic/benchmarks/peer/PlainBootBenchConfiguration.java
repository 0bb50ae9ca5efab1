package io.fastagentic.benchmarks.peer;

import io.fastagentic.benchmarks.support.BenchInfrastructure;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * An application with stock Spring Boot tracing (FastAgentic's auto-configurations are
 * excluded when it starts) that makes the same spans by hand.
 */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
@Import(BenchInfrastructure.class)
public class PlainBootBenchConfiguration {

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
