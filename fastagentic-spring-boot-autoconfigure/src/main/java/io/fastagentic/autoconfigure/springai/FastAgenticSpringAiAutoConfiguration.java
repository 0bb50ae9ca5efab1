package io.fastagentic.autoconfigure.springai;

import io.fastagentic.autoconfigure.observation.FastAgenticObservationAutoConfiguration;
import io.fastagentic.observation.llm.LlmPricing;
import io.fastagentic.springai.SpringAiChatModelObservationConvention;
import io.fastagentic.springai.SpringAiObservationAdapter;
import io.fastagentic.springai.SpringAiToolCallingObservationConvention;
import io.fastagentic.springai.openai.ProviderCallObservationCustomizer;
import io.fastagentic.springai.openai.StreamedCallCorrelation;
import io.fastagentic.springai.openai.StreamedCallCorrelationAdvisor;
import io.fastagentic.springai.openai.StreamedCallObservationHandler;
import io.micrometer.core.instrument.binder.okhttp3.OkHttpContext;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.ai.chat.client.ChatClientCustomizer;
import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.ai.chat.observation.ChatModelObservationConvention;
import org.springframework.ai.openai.http.okhttp.OpenAiHttpClientBuilderCustomizer;
import org.springframework.ai.tool.observation.ToolCallingObservationConvention;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Auto-configuration of the Spring AI adapter: Spring AI's chat model and tool-calling
 * observations become {@code llm.call {model}} and {@code tool.call {name}} through the
 * conventions that Spring AI's own auto-configurations apply
 * ({@link ChatModelObservationConvention} and {@link ToolCallingObservationConvention}
 * beans), and FastAgentic shapes their spans, metrics and run totals through
 * {@link SpringAiObservationAdapter}. A convention bean of the application's own wins.
 *
 * @author FastAgentic
 */
@AutoConfiguration(after = FastAgenticObservationAutoConfiguration.class)
@ConditionalOnClass(ChatModelObservationContext.class)
@ConditionalOnBean(LlmPricing.class)
@EnableConfigurationProperties(FastAgenticSpringAiProperties.class)
public final class FastAgenticSpringAiAutoConfiguration {

	FastAgenticSpringAiAutoConfiguration() {
	}

	@Bean
	@ConditionalOnMissingBean
	SpringAiObservationAdapter springAiObservationAdapter(LlmPricing pricing,
			FastAgenticSpringAiProperties properties) {
		return new SpringAiObservationAdapter(pricing, properties.isChatClientSpans());
	}

	@Bean
	@ConditionalOnMissingBean(ChatModelObservationConvention.class)
	SpringAiChatModelObservationConvention springAiChatModelObservationConvention(SpringAiObservationAdapter adapter) {
		return new SpringAiChatModelObservationConvention(adapter);
	}

	@Bean
	@ConditionalOnMissingBean(ToolCallingObservationConvention.class)
	SpringAiToolCallingObservationConvention springAiToolCallingObservationConvention() {
		return new SpringAiToolCallingObservationConvention();
	}

	/**
	 * Spring AI's OpenAI client: the provider call of a streamed chat made through a
	 * {@code ChatClient} keeps the chat's trace.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ OpenAiHttpClientBuilderCustomizer.class, ChatClientCustomizer.class, OkHttpContext.class })
	static class OpenAiConfiguration {

		@Bean
		@ConditionalOnMissingBean
		StreamedCallCorrelation streamedCallCorrelation() {
			return new StreamedCallCorrelation();
		}

		@Bean
		StreamedCallObservationHandler streamedCallObservationHandler(StreamedCallCorrelation correlation) {
			return new StreamedCallObservationHandler(correlation);
		}

		@Bean
		@Order(Ordered.HIGHEST_PRECEDENCE)
		ProviderCallObservationCustomizer providerCallObservationCustomizer(ObservationRegistry registry,
				StreamedCallCorrelation correlation) {
			return new ProviderCallObservationCustomizer(registry, correlation);
		}

		@Bean
		ChatClientCustomizer streamedCallCorrelationChatClientCustomizer() {
			return (builder) -> builder.defaultAdvisors(new StreamedCallCorrelationAdvisor());
		}

	}

}
