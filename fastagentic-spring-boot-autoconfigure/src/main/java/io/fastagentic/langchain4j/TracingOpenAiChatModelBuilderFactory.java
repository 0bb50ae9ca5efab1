package io.fastagentic.langchain4j;

import java.util.List;

import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel.OpenAiChatModelBuilder;
import dev.langchain4j.model.openai.spi.OpenAiChatModelBuilderFactory;
import org.jspecify.annotations.Nullable;

/**
 * Gives {@code OpenAiChatModel.builder()} a builder that traces the model it builds (see
 * {@link LangChain4jModelTracing}): its listener comes first among the model's listeners,
 * and its HTTP client wraps the one the application gave, or LangChain4j's default.
 * Registered through LangChain4j's builder SPI, so every OpenAI chat model is traced,
 * whether it is a bean or built in application code.
 *
 * @author FastAgentic
 */
public final class TracingOpenAiChatModelBuilderFactory implements OpenAiChatModelBuilderFactory {

	@Override
	public OpenAiChatModelBuilder get() {
		return new TracingBuilder();
	}

	private static final class TracingBuilder extends OpenAiChatModelBuilder {

		private @Nullable List<ChatModelListener> listeners;

		private @Nullable HttpClientBuilder httpClientBuilder;

		@Override
		public OpenAiChatModelBuilder listeners(List<ChatModelListener> listeners) {
			this.listeners = listeners;
			return this;
		}

		@Override
		public OpenAiChatModelBuilder httpClientBuilder(HttpClientBuilder httpClientBuilder) {
			this.httpClientBuilder = httpClientBuilder;
			return this;
		}

		@Override
		public OpenAiChatModel build() {
			LangChain4jModelTracing tracing = LangChain4jModelTracing.create();
			super.listeners(tracing.listenersWith(this.listeners));
			super.httpClientBuilder(tracing.httpClientBuilderWrapping(this.httpClientBuilder));
			return super.build();
		}

	}

}
