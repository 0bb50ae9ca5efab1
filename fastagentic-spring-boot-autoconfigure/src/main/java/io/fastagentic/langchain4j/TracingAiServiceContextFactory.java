package io.fastagentic.langchain4j;

import java.util.List;

import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.service.AiServiceContext;
import dev.langchain4j.spi.services.AiServiceContextFactory;
import org.jspecify.annotations.Nullable;

/**
 * Gives every AI service built with {@code AiServices.builder(...)} or
 * {@code AiServices.create(...)} a tool service that traces its tool executions (see
 * {@link TracingToolService}), recording with the tracing of the service's model.
 * Registered through LangChain4j's AI service context SPI, so the tools of every AI
 * service are traced, whether it is a bean or built in application code.
 *
 * @author FastAgentic
 */
public final class TracingAiServiceContextFactory implements AiServiceContextFactory {

	@Override
	public AiServiceContext create(Class<?> aiServiceClass) {
		return new TracingAiServiceContext(aiServiceClass);
	}

	private static final class TracingAiServiceContext extends AiServiceContext {

		TracingAiServiceContext(Class<?> aiServiceClass) {
			super(aiServiceClass);
			this.toolService = new TracingToolService(this::tracing);
		}

		/**
		 * The tracing of the service's model, so that its tools record where its LLM
		 * calls do.
		 */
		private @Nullable LangChain4jTracing tracing() {
			List<ChatModelListener> listeners = (this.chatModel != null) ? this.chatModel.listeners()
					: (this.streamingChatModel != null) ? this.streamingChatModel.listeners() : List.of();
			for (ChatModelListener listener : listeners) {
				if (listener instanceof TracingChatModelListener traced) {
					return traced.tracing();
				}
			}
			return LangChain4jTracing.current();
		}

	}

}
