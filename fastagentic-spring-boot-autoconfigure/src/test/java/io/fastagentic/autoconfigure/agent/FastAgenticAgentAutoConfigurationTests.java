package io.fastagentic.autoconfigure.agent;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.fastagentic.annotation.AgentEndpoint;
import io.fastagentic.observation.agent.AgentEndpointInterceptor;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import io.micrometer.tracing.Tracer;
import org.junit.jupiter.api.Test;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link FastAgenticAgentAutoConfiguration}: every {@code @AgentEndpoint}
 * method is advised, by the auto-proxy creator Spring Boot registers with AspectJ on the
 * class path or without it, and the registry and tracer the interceptor needs are not
 * created while post-processors are registered.
 */
class FastAgenticAgentAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AopAutoConfiguration.class, FastAgenticAgentAutoConfiguration.class))
		.withUserConfiguration(Endpoints.class);

	@Test
	void agentEndpointsRunAsAgentRunObservations() {
		this.contextRunner.run((context) -> assertAdvised(context.getBean(ObservationRegistry.class),
				context.getBean(ChatEndpoint.class)));
	}

	@Test
	void agentEndpointsAreAdvisedWithoutAspectJ() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.aspectj")).run((context) -> {
			assertThat(context).hasSingleBean(AgentEndpointInterceptor.class);
			assertAdvised(context.getBean(ObservationRegistry.class), context.getBean(ChatEndpoint.class));
		});
	}

	@Test
	void theRegistryIsStillPostProcessedByEveryPostProcessor() {
		this.contextRunner.withUserConfiguration(RecordingPostProcessorConfiguration.class).run((context) -> {
			assertThat(AopUtils.isAopProxy(context.getBean(ChatEndpoint.class))).isTrue();
			assertThat(context.getBean(RecordingPostProcessor.class).processed).contains("observationRegistry",
					"chatEndpoint");
		});
	}

	@Test
	void methodsWithoutTheAnnotationAreNotObserved() {
		this.contextRunner.run((context) -> {
			assertThat(context.getBean(ChatEndpoint.class).health()).isEqualTo("ok");
			TestObservationRegistryAssert
				.assertThat((TestObservationRegistry) context.getBean(ObservationRegistry.class))
				.doesNotHaveAnyObservation();
		});
	}

	@Test
	void anEndpointOfTheApplicationsOwnReplacesTheDefault() {
		this.contextRunner
			.withBean("customInterceptor", AgentEndpointInterceptor.class,
					() -> new AgentEndpointInterceptor(ObservationRegistry.NOOP, Tracer.NOOP, null, null, false))
			.run((context) -> assertThat(context).getBeans(AgentEndpointInterceptor.class)
				.containsOnlyKeys("customInterceptor"));
	}

	private static void assertAdvised(ObservationRegistry registry, ChatEndpoint endpoint) {
		assertThat(endpoint.chat()).isEqualTo("answer");
		assertThat(endpoint.summary()).isEqualTo("summary");
		TestObservationRegistryAssert.assertThat((TestObservationRegistry) registry)
			.hasNumberOfObservationsWithNameEqualTo("agent.run", 2)
			.hasAnObservation((observation) -> observation.hasContextualNameEqualTo("agent.run /chat")
				.hasLowCardinalityKeyValue("endpoint", "/chat"))
			.hasAnObservation((observation) -> observation.hasContextualNameEqualTo("agent.run /summary")
				.hasLowCardinalityKeyValue("model", "gpt-4o-mini"));
	}

	@Configuration(proxyBeanMethods = false)
	static class RecordingPostProcessorConfiguration {

		@Bean
		static RecordingPostProcessor recordingPostProcessor() {
			return new RecordingPostProcessor();
		}

	}

	/**
	 * A post-processor of the application's, without an order: registered after the
	 * auto-proxy creator, it misses every bean created while advisors are looked up.
	 */
	static class RecordingPostProcessor implements BeanPostProcessor {

		final Set<String> processed = ConcurrentHashMap.newKeySet();

		@Override
		public Object postProcessAfterInitialization(Object bean, String beanName) {
			this.processed.add(beanName);
			return bean;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Endpoints {

		@Bean
		TestObservationRegistry observationRegistry() {
			return TestObservationRegistry.create();
		}

		@Bean
		ChatEndpoint chatEndpoint() {
			return new ChatEndpoint();
		}

	}

	/**
	 * Public, so that a proxy class can be generated for it from a filtered class loader.
	 */
	public static class ChatEndpoint {

		@AgentEndpoint(path = "/chat")
		public String chat() {
			return "answer";
		}

		@AgentEndpoint(path = "/summary", model = "gpt-4o-mini")
		public String summary() {
			return "summary";
		}

		public String health() {
			return "ok";
		}

	}

}
