package io.fastagentic.benchmarks.fastagentic;

import io.fastagentic.benchmarks.support.BenchInfrastructure;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * An application with FastAgentic: every auto-configuration on the class path.
 */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
@Import({ BenchInfrastructure.class, BenchAgentController.class })
public class FastAgenticBenchConfiguration {

}
