package io.fastagentic.langchain4j;

import dev.langchain4j.service.AiServiceContext;
import dev.langchain4j.spi.services.AiServiceContextFactory;

/**
 * Gives every AI service built with {@code AiServices.builder(...)} or
 * {@code AiServices.create(...)} a tool service that traces its tool executions (see
 * {@link TracingToolService}). Registered through LangChain4j's AI service context SPI,
 * so the tools of every AI service are traced, whether it is a bean or built in
 * application code.
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
			this.toolService = new TracingToolService(LangChain4jTracing::current);
		}

	}

}
