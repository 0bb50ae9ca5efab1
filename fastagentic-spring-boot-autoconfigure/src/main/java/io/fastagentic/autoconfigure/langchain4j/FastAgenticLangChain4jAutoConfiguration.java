package io.fastagentic.autoconfigure.langchain4j;

import dev.langchain4j.model.chat.listener.ChatModelListener;
import io.fastagentic.autoconfigure.observation.FastAgenticObservationAutoConfiguration;
import io.fastagentic.langchain4j.LangChain4jHttpObservationConvention;
import io.fastagentic.langchain4j.LangChain4jTracing;
import io.fastagentic.langchain4j.TracingChatModelListener;
import io.fastagentic.observation.llm.LlmCallObservationConvention;
import io.fastagentic.observation.llm.LlmPricing;
import io.fastagentic.observation.tool.ToolCallObservationConvention;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the LangChain4j adapter. LangChain4j builds its models and AI
 * services itself, so FastAgentic reaches them through LangChain4j's own SPIs, which look
 * up the application's {@link LangChain4jTracing} at each call; this configuration
 * creates that tracing and activates it while the application runs:
 * <ul>
 * <li>every {@code OpenAiChatModel} and {@code OpenAiStreamingChatModel} built with its
 * builder gets the {@code llm.call} listener and an HTTP client whose provider requests
 * are client spans carrying the configured propagation headers;</li>
 * <li>every AI service's tool executions become {@code tool.call {name}};</li>
 * <li>the events of a streamed answer are handled in the caller's scope.</li>
 * </ul>
 * The {@link TracingChatModelListener} bean traces the models of any other provider:
 * LangChain4j's Spring Boot starters give {@link ChatModelListener} beans to the models
 * they build; a model built by hand takes it with {@code .listeners(listener)}. Chat
 * model beans are bound to this application's tracing, so that they record here even
 * while another application runs in the same JVM; models built outside the context record
 * with the application started last. {@code fastagentic.langchain4j.enabled=false}
 * switches the adapter off.
 *
 * @author FastAgentic
 */
@AutoConfiguration(after = FastAgenticObservationAutoConfiguration.class)
@ConditionalOnClass(ChatModelListener.class)
@ConditionalOnBean({ ObservationRegistry.class, LlmPricing.class })
@ConditionalOnBooleanProperty(name = "fastagentic.langchain4j.enabled", matchIfMissing = true)
public final class FastAgenticLangChain4jAutoConfiguration {

	FastAgenticLangChain4jAutoConfiguration() {
	}

	@Bean
	@ConditionalOnMissingBean
	LangChain4jTracing langChain4jTracing(ObservationRegistry registry, LlmPricing pricing,
			ObjectProvider<LlmCallObservationConvention> llmConvention,
			ObjectProvider<ToolCallObservationConvention> toolConvention,
			ObjectProvider<LangChain4jHttpObservationConvention> httpConvention) {
		return new LangChain4jTracing(registry, pricing, llmConvention.getIfAvailable(),
				toolConvention.getIfAvailable(), httpConvention.getIfAvailable());
	}

	@Bean(destroyMethod = "close")
	LangChain4jTracing.Activation langChain4jTracingActivation(LangChain4jTracing tracing) {
		return tracing.activate();
	}

	@Bean
	@ConditionalOnMissingBean
	TracingChatModelListener tracingChatModelListener(LangChain4jTracing tracing) {
		return new TracingChatModelListener(tracing);
	}

	@Bean
	static LangChain4jModelBindingPostProcessor langChain4jModelBindingPostProcessor(
			ObjectProvider<LangChain4jTracing> tracing) {
		return new LangChain4jModelBindingPostProcessor(tracing);
	}

}
