package io.fastagentic.autoconfigure.langchain4j;

import java.util.List;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import io.fastagentic.langchain4j.LangChain4jModelTracing;
import io.fastagentic.langchain4j.LangChain4jTracing;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Binds every chat model bean built by a traced builder to its own application's tracing,
 * so that it records there even while another application runs in the same JVM (cached
 * test contexts, most often). Static and lazy in what it depends on, so that it can
 * post-process models created early.
 *
 * @author FastAgentic
 */
class LangChain4jModelBindingPostProcessor implements BeanPostProcessor {

	private final ObjectProvider<LangChain4jTracing> tracing;

	LangChain4jModelBindingPostProcessor(ObjectProvider<LangChain4jTracing> tracing) {
		this.tracing = tracing;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof ChatModel model) {
			bind(model.listeners());
		}
		else if (bean instanceof StreamingChatModel model) {
			bind(model.listeners());
		}
		return bean;
	}

	private void bind(List<ChatModelListener> listeners) {
		LangChain4jTracing tracing = this.tracing.getIfAvailable();
		if (tracing != null && !listeners.isEmpty()) {
			LangChain4jModelTracing.bind(listeners, tracing);
		}
	}

}
