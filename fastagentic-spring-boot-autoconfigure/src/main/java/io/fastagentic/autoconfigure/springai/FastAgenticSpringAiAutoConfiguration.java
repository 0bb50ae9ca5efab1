package io.fastagentic.autoconfigure.springai;

import io.fastagentic.autoconfigure.observation.FastAgenticObservationAutoConfiguration;
import io.fastagentic.observation.llm.LlmPricing;
import io.fastagentic.springai.SpringAiChatModelObservationConvention;
import io.fastagentic.springai.SpringAiObservationAdapter;
import io.fastagentic.springai.SpringAiToolCallingObservationConvention;

import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.ai.chat.observation.ChatModelObservationConvention;
import org.springframework.ai.tool.observation.ToolCallingObservationConvention;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

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

}
