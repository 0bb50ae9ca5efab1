package io.fastagentic.langchain4j;

import java.util.List;

import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel.OpenAiStreamingChatModelBuilder;
import dev.langchain4j.model.openai.spi.OpenAiStreamingChatModelBuilderFactory;
import org.jspecify.annotations.Nullable;

/**
 * Gives {@code OpenAiStreamingChatModel.builder()} a builder that traces the model it
 * builds, as {@link TracingOpenAiChatModelBuilderFactory} does for blocking models: the
 * streamed answer's events are handled in the caller's scope, so the application's
 * callbacks stay in its trace.
 *
 * @author FastAgentic
 */
public final class TracingOpenAiStreamingChatModelBuilderFactory implements OpenAiStreamingChatModelBuilderFactory {

	@Override
	public OpenAiStreamingChatModelBuilder get() {
		return new TracingBuilder();
	}

	private static final class TracingBuilder extends OpenAiStreamingChatModelBuilder {

		private @Nullable List<ChatModelListener> listeners;

		private @Nullable HttpClientBuilder httpClientBuilder;

		@Override
		public OpenAiStreamingChatModelBuilder listeners(List<ChatModelListener> listeners) {
			this.listeners = listeners;
			return this;
		}

		@Override
		public OpenAiStreamingChatModelBuilder httpClientBuilder(HttpClientBuilder httpClientBuilder) {
			this.httpClientBuilder = httpClientBuilder;
			return this;
		}

		@Override
		public OpenAiStreamingChatModel build() {
			LangChain4jModelTracing tracing = LangChain4jModelTracing.create();
			super.listeners(tracing.listenersWith(this.listeners));
			super.httpClientBuilder(tracing.httpClientBuilderWrapping(this.httpClientBuilder));
			return super.build();
		}

	}

}
