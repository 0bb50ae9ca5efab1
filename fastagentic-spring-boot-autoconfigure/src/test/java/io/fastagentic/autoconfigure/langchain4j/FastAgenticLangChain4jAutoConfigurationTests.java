package io.fastagentic.autoconfigure.langchain4j;

import java.util.Map;

import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.service.AiServices;
import io.fastagentic.annotation.AgentTool;
import io.fastagentic.autoconfigure.correlation.FastAgenticCorrelationAutoConfiguration;
import io.fastagentic.autoconfigure.observation.FastAgenticObservationAutoConfiguration;
import io.fastagentic.langchain4j.LangChain4jTracing;
import io.fastagentic.langchain4j.TracingChatModelListener;
import io.fastagentic.observation.llm.LlmPricing;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.aop.support.AopUtils;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link FastAgenticLangChain4jAutoConfiguration}.
 */
class FastAgenticLangChain4jAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(FastAgenticCorrelationAutoConfiguration.class,
				FastAgenticObservationAutoConfiguration.class, FastAgenticLangChain4jAutoConfiguration.class))
		.withBean(ObservationRegistry.class, ObservationRegistry::create);

	@Test
	void activatesTracingWhileTheApplicationRuns() {
		LangChain4jTracing[] running = new LangChain4jTracing[1];
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(LangChain4jTracing.class).hasSingleBean(TracingChatModelListener.class);
			running[0] = context.getBean(LangChain4jTracing.class);
			assertThat(LangChain4jTracing.current()).isSameAs(running[0]);
		});
		assertThat(LangChain4jTracing.current()).isNotSameAs(running[0]);
	}

	@Test
	void applicationStartedLastIsTracedUntilItStops() {
		this.contextRunner.run((first) -> {
			this.contextRunner.run((second) -> assertThat(LangChain4jTracing.current())
				.isSameAs(second.getBean(LangChain4jTracing.class)));
			assertThat(LangChain4jTracing.current()).isSameAs(first.getBean(LangChain4jTracing.class));
		});
	}

	@Test
	void backsOffWithoutLangChain4j() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("dev.langchain4j"))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(LangChain4jTracing.class)
				.doesNotHaveBean(TracingChatModelListener.class));
	}

	@Test
	void canBeSwitchedOff() {
		this.contextRunner.withPropertyValues("fastagentic.langchain4j.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(LangChain4jTracing.class)
				.doesNotHaveBean(TracingChatModelListener.class));
	}

	@Test
	void userListenerReplacesTheDefault() {
		this.contextRunner
			.withBean("customListener", TracingChatModelListener.class,
					() -> new TracingChatModelListener(new LangChain4jTracing(ObservationRegistry.NOOP,
							LlmPricing.of(Map.of()), null, null, null)))
			.run((context) -> assertThat(context).getBeanNames(TracingChatModelListener.class)
				.containsExactly("customListener"));
	}

	@Test
	void agentToolOnALangChain4jToolLeavesTheBeanUnproxiedForAiServices() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(AopAutoConfiguration.class))
			.withBean(SearchTools.class)
			.withBean(Calculator.class)
			.run((context) -> {
				SearchTools tools = context.getBean(SearchTools.class);
				assertThat(AopUtils.isAopProxy(tools)).isFalse();
				assertThat(AopUtils.isAopProxy(context.getBean(Calculator.class))).isTrue();
				assertThat(AiServices.builder(Assistant.class).tools(tools)).isNotNull();
			});
	}

	@Test
	void agentToolIsTracedWithoutLangChain4j() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("dev.langchain4j"))
			.withConfiguration(AutoConfigurations.of(AopAutoConfiguration.class))
			.withBean(Calculator.class)
			.run((context) -> assertThat(AopUtils.isAopProxy(context.getBean(Calculator.class))).isTrue());
	}

	interface Assistant {

		String chat(String message);

	}

	public static class SearchTools {

		@Tool
		@AgentTool
		public String search(String query) {
			return "found";
		}

	}

	public static class Calculator {

		@AgentTool
		public int add(int a, int b) {
			return a + b;
		}

	}

}
