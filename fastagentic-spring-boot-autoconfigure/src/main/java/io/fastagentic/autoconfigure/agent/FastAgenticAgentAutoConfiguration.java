package io.fastagentic.autoconfigure.agent;

import io.fastagentic.autoconfigure.observation.FastAgenticStreamProperties;
import io.fastagentic.observation.agent.AgentEndpointAspect;
import io.fastagentic.observation.agent.AgentRunObservationConvention;
import io.fastagentic.observation.stream.StreamEmitObservationConvention;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import org.aspectj.weaver.Advice;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * Auto-configuration of the {@code agent.run} observation of {@code @AgentEndpoint}
 * methods.
 *
 * @author FastAgentic
 */
@AutoConfiguration(after = ObservationAutoConfiguration.class)
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnClass({ Advice.class, DispatcherServlet.class, ObservationRegistry.class, Tracer.class })
@ConditionalOnBean(ObservationRegistry.class)
@EnableConfigurationProperties(FastAgenticStreamProperties.class)
public final class FastAgenticAgentAutoConfiguration {

	FastAgenticAgentAutoConfiguration() {
	}

	@Bean
	@ConditionalOnMissingBean
	AgentEndpointAspect agentEndpointAspect(ObservationRegistry registry, ObjectProvider<Tracer> tracer,
			ObjectProvider<AgentRunObservationConvention> convention,
			ObjectProvider<StreamEmitObservationConvention> streamConvention,
			FastAgenticStreamProperties streamProperties) {
		return new AgentEndpointAspect(registry, tracer.getIfAvailable(() -> Tracer.NOOP), convention.getIfAvailable(),
				streamConvention.getIfAvailable(), streamProperties.isSpanPerEvent());
	}

}
