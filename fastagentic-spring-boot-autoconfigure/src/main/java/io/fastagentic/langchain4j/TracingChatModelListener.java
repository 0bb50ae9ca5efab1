package io.fastagentic.langchain4j;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import dev.langchain4j.model.chat.listener.ChatModelErrorContext;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.listener.ChatModelRequestContext;
import dev.langchain4j.model.chat.listener.ChatModelResponseContext;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import io.fastagentic.observation.llm.LlmCall;
import org.jspecify.annotations.Nullable;

/**
 * Observes every call of a LangChain4j {@code ChatModel} or {@code StreamingChatModel} as
 * {@code llm.call {model}}: a CLIENT span, child of the caller's observation, with the
 * specification's and the OpenTelemetry GenAI keys, the provider named after the model's
 * {@code ModelProvider}, usage (cached input tokens included, for OpenAI), cost, response
 * id and finish reason, and {@code adapter=langchain4j} for the run's totals. A streamed
 * call ends with its complete response, on whichever thread that arrives.
 * <p>
 * OpenAI models built with {@code OpenAiChatModel.builder()} or
 * {@code OpenAiStreamingChatModel.builder()} get it without any code; add it to the
 * builder of any other model: {@code .listeners(tracingChatModelListener)}. Several
 * FastAgentic listeners on one model record one call.
 *
 * @author FastAgentic
 */
public final class TracingChatModelListener implements ChatModelListener {

	/**
	 * Key of the call in the listener attributes that LangChain4j shares between a
	 * request, its response and the model's other listeners.
	 */
	private static final String CALL = TracingChatModelListener.class.getName() + ".call";

	private final Supplier<@Nullable LangChain4jTracing> tracing;

	private final @Nullable LangChain4jModelTracing model;

	/**
	 * Create a listener that records with the given tracing.
	 * @param tracing the application's tracing
	 */
	public TracingChatModelListener(LangChain4jTracing tracing) {
		this.tracing = () -> tracing;
		this.model = null;
	}

	TracingChatModelListener(LangChain4jModelTracing model) {
		this.tracing = model::tracing;
		this.model = model;
	}

	/**
	 * The tracing this listener records with now.
	 */
	@Nullable LangChain4jTracing tracing() {
		return this.tracing.get();
	}

	/**
	 * The tracing of the model this listener was made for, if a traced builder made it.
	 */
	@Nullable LangChain4jModelTracing model() {
		return this.model;
	}

	@Override
	public void onRequest(ChatModelRequestContext requestContext) {
		ObservedCall call = (ObservedCall) requestContext.attributes().get(CALL);
		if (call == null) {
			LangChain4jTracing tracing = this.tracing.get();
			if (tracing == null) {
				return;
			}
			LangChain4jLlmCallContext context = tracing.llmCallContext(requestContext.chatRequest(),
					requestContext.modelProvider());
			call = new ObservedCall(tracing.startLlmCall(context), context);
			requestContext.attributes().put(CALL, call);
		}
		if (this.model != null) {
			this.model.handoff().offer(call.call());
		}
	}

	@Override
	public void onResponse(ChatModelResponseContext responseContext) {
		clearHandoff();
		if (responseContext.attributes().remove(CALL) instanceof ObservedCall call) {
			report(call, responseContext.chatResponse());
			call.call().end();
		}
	}

	@Override
	public void onError(ChatModelErrorContext errorContext) {
		clearHandoff();
		if (errorContext.attributes().remove(CALL) instanceof ObservedCall call) {
			call.call().error(errorContext.error()).end();
		}
	}

	private void clearHandoff() {
		if (this.model != null) {
			this.model.handoff().clear();
		}
	}

	private static void report(ObservedCall observed, ChatResponse response) {
		LlmCall call = observed.call();
		observed.context().setChatResponse(response);
		if (response.modelName() != null) {
			call.responseModel(response.modelName());
		}
		TokenUsage usage = response.tokenUsage();
		if (usage != null && usage.inputTokenCount() != null && usage.outputTokenCount() != null) {
			call.usage(usage.inputTokenCount(), usage.outputTokenCount());
			if (OpenAiCachedTokens.PRESENT) {
				call.cachedPromptTokens(OpenAiCachedTokens.of(usage));
			}
		}
		FinishReason reason = response.finishReason();
		call.response(response.id(), (reason != null) ? List.of(finishReason(reason)) : List.of());
	}

	/**
	 * The OpenTelemetry spelling of a finish reason.
	 */
	static String finishReason(FinishReason reason) {
		return switch (reason) {
			case TOOL_EXECUTION -> "tool_calls";
			default -> reason.name().toLowerCase(Locale.ROOT);
		};
	}

	private record ObservedCall(LlmCall call, LangChain4jLlmCallContext context) {

	}

}
