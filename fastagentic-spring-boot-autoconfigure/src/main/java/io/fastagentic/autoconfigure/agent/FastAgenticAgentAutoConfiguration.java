package io.fastagentic.autoconfigure.agent;

import io.fastagentic.annotation.AgentEndpoint;
import io.fastagentic.autoconfigure.observation.FastAgenticStreamProperties;
import io.fastagentic.observation.agent.AgentEndpointInterceptor;
import io.fastagentic.observation.agent.AgentRunObservationConvention;
import io.fastagentic.observation.stream.StreamEmitObservationConvention;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import org.aopalliance.intercept.MethodInterceptor;

import org.springframework.aop.Advisor;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Role;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * Auto-configuration of the {@code agent.run} observation of {@code @AgentEndpoint}
 * methods: an infrastructure advisor (applied by whichever auto-proxy creator Spring Boot
 * registers, with or without AspectJ) around every method annotated with
 * {@link AgentEndpoint}, on the class or on an interface it implements.
 *
 * @author FastAgentic
 */
@AutoConfiguration(after = ObservationAutoConfiguration.class)
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnClass({ Advisor.class, DispatcherServlet.class, ObservationRegistry.class, Tracer.class })
@ConditionalOnBean(ObservationRegistry.class)
@EnableConfigurationProperties(FastAgenticStreamProperties.class)
public final class FastAgenticAgentAutoConfiguration {

	FastAgenticAgentAutoConfiguration() {
	}

	@Bean
	@ConditionalOnMissingBean
	AgentEndpointInterceptor agentEndpointInterceptor(ObservationRegistry registry, ObjectProvider<Tracer> tracer,
			ObjectProvider<AgentRunObservationConvention> convention,
			ObjectProvider<StreamEmitObservationConvention> streamConvention,
			FastAgenticStreamProperties streamProperties) {
		return new AgentEndpointInterceptor(registry, tracer.getIfAvailable(() -> Tracer.NOOP),
				convention.getIfAvailable(), streamConvention.getIfAvailable(), streamProperties.isSpanPerEvent());
	}

	/**
	 * The advisor is looked up while post-processors are registered: it resolves the
	 * interceptor (and with it the registry and the tracer) at the first call of an
	 * endpoint, so that those beans are still post-processed as usual.
	 */
	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static Advisor agentEndpointAdvisor(ObjectProvider<AgentEndpointInterceptor> interceptor) {
		SingletonSupplier<AgentEndpointInterceptor> lazy = SingletonSupplier.of(interceptor::getObject);
		MethodInterceptor advice = (invocation) -> lazy.obtain().invoke(invocation);
		return new DefaultPointcutAdvisor(new AnnotationMatchingPointcut(null, AgentEndpoint.class, true), advice);
	}

}
