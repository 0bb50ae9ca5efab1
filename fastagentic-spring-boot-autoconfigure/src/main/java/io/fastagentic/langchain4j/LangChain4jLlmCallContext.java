package io.fastagentic.langchain4j;

import java.util.ArrayList;
import java.util.List;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.Content;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.fastagentic.observation.llm.LlmCallObservationContext;
import io.fastagentic.observation.llm.LlmMessage;
import io.micrometer.common.KeyValue;
import org.jspecify.annotations.Nullable;

/**
 * An {@code llm.call} of a LangChain4j chat model, with the OpenTelemetry GenAI request
 * parameters that the request sets ({@code gen_ai.request.temperature}, ...). The
 * messages are converted only when asked for, which only content capture does: a call
 * pays nothing for them otherwise.
 *
 * @author FastAgentic
 */
final class LangChain4jLlmCallContext extends LlmCallObservationContext {

	private static final String UNKNOWN = "unknown";

	private final ChatRequest request;

	private volatile @Nullable ChatResponse response;

	LangChain4jLlmCallContext(ChatRequest request, String provider) {
		super(LangChain4jTracing.ADAPTER, provider, (request.modelName() != null) ? request.modelName() : UNKNOWN);
		this.request = request;
		addRequestParameter("gen_ai.request.temperature", request.temperature());
		addRequestParameter("gen_ai.request.top_p", request.topP());
		addRequestParameter("gen_ai.request.top_k", request.topK());
		addRequestParameter("gen_ai.request.max_tokens", request.maxOutputTokens());
		addRequestParameter("gen_ai.request.frequency_penalty", request.frequencyPenalty());
		addRequestParameter("gen_ai.request.presence_penalty", request.presencePenalty());
	}

	private void addRequestParameter(String key, @Nullable Number value) {
		if (value != null) {
			addHighCardinalityKeyValue(KeyValue.of(key, value.toString()));
		}
	}

	void setChatResponse(ChatResponse response) {
		this.response = response;
	}

	@Override
	public List<LlmMessage> getInputMessages() {
		List<LlmMessage> messages = new ArrayList<>(this.request.messages().size());
		for (ChatMessage message : this.request.messages()) {
			if (message instanceof SystemMessage system) {
				messages.add(LlmMessage.text("system", system.text()));
			}
			else if (message instanceof UserMessage user) {
				messages.add(LlmMessage.text("user", text(user)));
			}
			else if (message instanceof AiMessage ai) {
				messages.add(assistant(ai));
			}
			else if (message instanceof ToolExecutionResultMessage result) {
				messages.add(LlmMessage.toolResult(result.id(), result.text()));
			}
		}
		return messages;
	}

	@Override
	public List<LlmMessage> getOutputMessages() {
		ChatResponse response = this.response;
		return (response != null && response.aiMessage() != null) ? List.of(assistant(response.aiMessage()))
				: List.of();
	}

	private static @Nullable String text(UserMessage message) {
		if (message.hasSingleText()) {
			return message.singleText();
		}
		StringBuilder text = new StringBuilder();
		for (Content content : message.contents()) {
			if (content instanceof TextContent part) {
				text.append(part.text());
			}
		}
		return text.isEmpty() ? null : text.toString();
	}

	private static LlmMessage assistant(AiMessage message) {
		List<LlmMessage.ToolCall> toolCalls = new ArrayList<>();
		if (message.hasToolExecutionRequests()) {
			for (ToolExecutionRequest call : message.toolExecutionRequests()) {
				toolCalls.add(new LlmMessage.ToolCall(call.id(), call.name(), call.arguments()));
			}
		}
		return new LlmMessage("assistant", message.text(), toolCalls, null);
	}

}
