package io.fastagentic.autoconfigure.springai;

import io.fastagentic.autoconfigure.correlation.FastAgenticCorrelationAutoConfiguration;
import io.fastagentic.autoconfigure.observation.FastAgenticObservationAutoConfiguration;
import io.fastagentic.springai.SpringAiChatModelObservationConvention;
import io.fastagentic.springai.SpringAiObservationAdapter;
import io.fastagentic.springai.SpringAiToolCallingObservationConvention;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.observation.ChatModelObservationConvention;
import org.springframework.ai.chat.observation.DefaultChatModelObservationConvention;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link FastAgenticSpringAiAutoConfiguration}.
 */
class FastAgenticSpringAiAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(FastAgenticCorrelationAutoConfiguration.class,
				FastAgenticObservationAutoConfiguration.class, FastAgenticSpringAiAutoConfiguration.class))
		.withBean(ObservationRegistry.class, ObservationRegistry::create);

	@Test
	void contributesTheConventionsSpringAiApplies() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(SpringAiObservationAdapter.class)
			.hasSingleBean(SpringAiChatModelObservationConvention.class)
			.hasSingleBean(SpringAiToolCallingObservationConvention.class));
	}

	@Test
	void conventionOfTheApplicationWins() {
		this.contextRunner.withBean(ChatModelObservationConvention.class, DefaultChatModelObservationConvention::new)
			.run((context) -> assertThat(context).hasSingleBean(ChatModelObservationConvention.class)
				.doesNotHaveBean(SpringAiChatModelObservationConvention.class));
	}

	@Test
	void backsOffWithoutSpringAi() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.springframework.ai"))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(SpringAiObservationAdapter.class)
				.doesNotHaveBean(SpringAiChatModelObservationConvention.class));
	}

}
