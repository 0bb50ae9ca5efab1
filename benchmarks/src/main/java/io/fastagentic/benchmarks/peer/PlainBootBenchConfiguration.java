package io.fastagentic.benchmarks.peer;

import io.fastagentic.benchmarks.support.BenchInfrastructure;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * An application with stock Spring Boot tracing (FastAgentic's auto-configurations are
 * excluded when it starts) that makes the same spans by hand.
 */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
@Import({ BenchInfrastructure.class, PlainPeerFilters.class })
public class PlainBootBenchConfiguration {

}
